import type { Conversation } from "../core/model.js";
import type { Effect } from "../core/routing/index.js";
import type { Engine } from "./engine.js";
import { loadContext } from "./load-context.js";
import { postMessage } from "./post-message.js";
import { translateTranscript, translationView } from "./translate-transcript.js";
import { systemText } from "./system-text.js";
import { agentDisplay, replyPhrase, replyPromise, teamClosed, visitorStatus } from "./visitor-status.js";

/**
 * Carries out the router's decisions: persists each conversation's new state and handoff
 * progress, then tells the visitor and the agents. Runs inside the serial lane.
 */
export async function applyRouterEffects(engine: Engine, effects: readonly Effect[]): Promise<void> {
  if (effects.length === 0) return;
  for (const listen of engine.effectListeners) listen(effects);
  const { store, publisher, log } = engine.deps;
  const now = engine.now();
  const touchedAgents = new Set<string>();
  const touched = new Set<string>();
  const asyncOffered: string[] = [];
  const unanswered: Extract<Effect, { kind: "unanswered" }>[] = [];
  for (const e of effects) {
    touched.add(e.conversationId);
    switch (e.kind) {
      case "assign":
      case "offer": {
        touchedAgents.add(e.agentId);
        const handoff = (await store.listHandoffs(e.conversationId)).at(-1);
        if (handoff !== undefined && e.kind === "assign") {
          await store.updateHandoff(handoff.id, { toAgentId: e.agentId, assignedAt: now });
        }
        break;
      }
      case "requeued":
        touchedAgents.add(e.fromAgentId);
        publisher.publish({ kind: "agent", agentId: e.fromAgentId }, "conversation:removed", {
          conversationId: e.conversationId,
          reason: e.reason,
        });
        break;
      case "offer_expired":
        touchedAgents.add(e.agentId);
        break;
      case "released":
        if (e.agentId !== null) touchedAgents.add(e.agentId);
        engine.translation.setChat(e.conversationId, null);
        break;
      case "sla_breached":
        log.warn({ conversationId: e.conversationId, ruleId: e.ruleId, deadline: e.deadline }, "SLA breached");
        publisher.publish({ kind: "admins" }, "sla:breached", e);
        break;
      case "escalated":
        log.info({ conversationId: e.conversationId, step: e.step }, "escalation step applied");
        break;
      case "unanswered":
        touchedAgents.add(e.agentId);
        log.warn({ conversationId: e.conversationId, agentId: e.agentId, stage: e.stage, afterSeconds: e.afterSeconds }, "assigned chat not answered");
        unanswered.push(e);
        break;
      case "async_offered":
        log.info({ conversationId: e.conversationId, since: e.since }, "no live option: async path offered");
        asyncOffered.push(e.conversationId);
        break;
      case "queued":
        break;
    }
  }
  for (const e of unanswered) await recordUnanswered(engine, e);
  for (const id of touched) await reconcile(engine, id, effects);
  for (const id of asyncOffered) await offerAsync(engine, id);
  for (const agentId of touchedAgents) await publishAgentLoad(engine, agentId);
  engine.queueDirty = true;
}

/** Brings the stored conversation in line with where the router now holds it, and tells people. */
async function reconcile(engine: Engine, conversationId: string, effects: readonly Effect[]): Promise<void> {
  const { store, publisher } = engine.deps;
  const c = await store.getConversation(conversationId);
  if (c === null) return;
  const where = engine.router.stateOf(conversationId);
  if (where === null) return; // released: the caller (resolve, async, transfer) sets the state
  const agentId = engine.router.agentOf(conversationId);
  if (c.state === where && c.assignedAgentId === agentId) return;
  const profile = agentId === null ? undefined : (await engine.profiles()).get(agentId);
  const route = where !== "assigned" || profile === undefined ? null : engine.translation.routeFor(profile, c.language);
  engine.translation.setChat(conversationId, route === null || agentId === null ? null : { agentId, route });
  const updated: Conversation = await store.updateConversation(conversationId, {
    state: where,
    assignedAgentId: agentId,
    updatedAt: engine.now(),
  });
  if (where === "assigned" && agentId !== null) {
    const context = await loadContext(engine, conversationId);
    const explanation = effects.find((e) => e.kind === "assign" && e.conversationId === conversationId);
    publisher.publish({ kind: "agent", agentId }, "conversation:assigned", {
      context,
      explanation: explanation?.kind === "assign" ? explanation.explanation : null,
      translation: route === null ? null : translationView(engine, route),
    });
    if (route !== null) translateTranscript(engine, conversationId, agentId, route);
    const who = await agentDisplay(engine, agentId, conversationId);
    await postMessage(engine, {
      conversationId,
      author: "system",
      text: who.team === null ? systemText(c.language, "joined", { name: who.name }) : systemText(c.language, "joinedTeam", { name: who.name, team: who.team }),
      agentId,
    });
  } else if (where === "offered" && agentId !== null) {
    const offer = effects.find((e) => e.kind === "offer" && e.conversationId === conversationId);
    publisher.publish({ kind: "agent", agentId }, "conversation:offered", {
      context: await loadContext(engine, conversationId),
      expiresAt: offer?.kind === "offer" ? offer.expiresAt : null,
      explanation: offer?.kind === "offer" ? offer.explanation : null,
    });
  } else if (where === "queued" && c.state === "assigned" && effects.some((e) => e.kind === "requeued" && e.conversationId === conversationId && e.reason.startsWith("agent_"))) {
    // "Connecting you with someone else" only when someone could take it; else the async offer follows.
    const alone = engine.router.standing(conversationId, engine.now())?.noLiveOptionSince != null;
    await postMessage(engine, {
      conversationId,
      author: "system",
      text: systemText(c.language, alone ? "stepAwayAlone" : "stepAway"),
    });
  }
  publisher.publish({ kind: "conversation", conversationId }, "status", await visitorStatus(engine, updated));
}

/**
 * An agent has not answered an assigned chat: reminded first; then the chat is taken back (the
 * router routes it to the next eligible agent) and the handoff records "not answered by María
 * in 90 s", which the next agent reads in the context; the visitor is told.
 */
async function recordUnanswered(engine: Engine, e: Extract<Effect, { kind: "unanswered" }>): Promise<void> {
  const { store, publisher } = engine.deps;
  if (e.stage === "flagged") {
    publisher.publish({ kind: "agent", agentId: e.agentId }, "conversation:unanswered", { conversationId: e.conversationId, afterSeconds: e.afterSeconds });
    return;
  }
  const name = (await engine.profiles()).get(e.agentId)?.name.split(" ")[0] ?? e.agentId;
  const note = `not answered by ${name} in ${e.afterSeconds} s`;
  const handoff = (await store.listHandoffs(e.conversationId)).at(-1);
  if (handoff !== undefined) {
    await store.updateHandoff(handoff.id, {
      note: handoff.note === null ? note : `${handoff.note} · ${note}`,
      fromAgentId: e.agentId,
      toAgentId: null,
      assignedAt: null,
      unansweredReassignments: handoff.unansweredReassignments + 1,
    });
  }
  const c = await store.getConversation(e.conversationId);
  if (c !== null) await postMessage(engine, { conversationId: e.conversationId, author: "system", text: systemText(c.language, "reassigned") });
}

/**
 * The waiting guarantee, carried out: nobody online could take the chat, so the visitor is
 * offered to leave a message with a stated reply time, and may keep waiting.
 */
async function offerAsync(engine: Engine, conversationId: string): Promise<void> {
  const c = await engine.deps.store.getConversation(conversationId);
  if (c === null || c.state !== "queued") return;
  const now = engine.now();
  const why = systemText(c.language, teamClosed(engine, c, now) ? "awayNow" : "nobodyNow");
  const when = replyPhrase(replyPromise(engine, c, now), now, c.language);
  await postMessage(engine, { conversationId, author: "system", text: systemText(c.language, "noLiveOption", { why, when }) });
  engine.deps.publisher.publish({ kind: "conversation", conversationId }, "status", await visitorStatus(engine, c));
}

/** Tells an agent's consoles their presence and load ("2 of 3 chats"). */
export async function publishAgentLoad(engine: Engine, agentId: string): Promise<void> {
  const a = engine.router.agent(agentId);
  if (a === null) return;
  engine.deps.publisher.publish({ kind: "agent", agentId }, "me", {
    agent: { id: a.id, name: a.name, role: a.role, teams: a.teams },
    presence: a.presence,
    load: { active: a.active.length, cap: a.cap },
    /** The server's clock, so consoles count SLA deadlines down against the same time. */
    serverNow: engine.now(),
  });
}
