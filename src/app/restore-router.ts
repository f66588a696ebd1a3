import type { AgentProfile, AgentRuntime, Conversation, Customer, Handoff, RoutingRequest } from "../core/model.js";
import type { RouterSnapshot } from "../core/routing/index.js";
import { buildRoutingRequest } from "../core/rules/index.js";
import { applyRouterEffects } from "./apply-router-effects.js";
import { type Engine, HANDLE_TIMES_KEPT } from "./engine.js";
import { transferRequest } from "./transfer-conversation.js";

/** The routing request a handed-off conversation stands for, rebuilt from its latest handoff. */
export function requestFor(
  engine: Engine,
  c: Conversation,
  h: Handoff,
  customer: Customer | null,
  profiles: ReadonlyMap<string, AgentProfile> = new Map(),
): RoutingRequest {
  const rule = engine.rule(h.ruleId) ?? engine.config.rules[engine.config.rules.length - 1];
  if (h.trigger.kind === "agent_transfer" || rule === undefined) {
    const team = h.toAgentId === null ? null : (profiles.get(h.toAgentId)?.teams[0] ?? null);
    return transferRequest(h, c.language, rule?.target.allowTranslation ?? true, {
      team,
      afterSeconds: engine.config.transfers.fallbackToTeamAfterSeconds,
    });
  }
  const built = buildRoutingRequest({
    conversationId: c.id,
    rule,
    language: c.language,
    csmAgentId: customer?.csmAgentId ?? null,
    triggeredAt: h.trigger.at,
    now: h.createdAt,
  });
  return { ...built, priority: h.priority, slaDeadline: h.slaDeadline };
}

/**
 * After a (re)start: rebuilds the router from the store (agents, assigned chats and loads, the
 * queue with its deadlines) so nothing is lost. Open offers go back to the queue. Agents the store
 * had online come back away (holding their chats, taking none) until their console reconnects.
 */
export async function restoreRouter(engine: Engine): Promise<{ agents: number; queued: number; assigned: number }> {
  const { store, agents } = engine.deps;
  const roster = await agents.listAgents();
  const open = await store.listConversations({ states: ["queued", "offered", "assigned"] });
  const active = new Map<string, string[]>();
  const queue: { request: RoutingRequest; appliedSteps: number }[] = [];
  const assignments: RouterSnapshot["assignments"][number][] = [];
  const known = new Set(roster.map((a) => a.profile.id));
  const profiles = new Map(roster.map((a) => [a.profile.id, a.profile]));
  for (const c of open) {
    const h = (await store.listHandoffs(c.id)).at(-1);
    if (h === undefined) continue;
    const customer = c.customerId === null ? null : await store.getCustomer(c.customerId);
    const request = requestFor(engine, c, h, customer, profiles);
    if (c.state === "assigned" && c.assignedAgentId !== null && known.has(c.assignedAgentId)) {
      assignments.push({ conversationId: c.id, agentId: c.assignedAgentId, request });
      active.set(c.assignedAgentId, [...(active.get(c.assignedAgentId) ?? []), c.id]);
      // A chat its agent serves through translation stays so after the restart.
      const profile = profiles.get(c.assignedAgentId);
      const route = profile === undefined ? null : engine.translation.routeFor(profile, c.language);
      if (route !== null) engine.translation.setChat(c.id, { agentId: c.assignedAgentId, route });
    } else {
      queue.push({ request, appliedSteps: 0 });
    }
  }
  // The wait estimates go on from the recent handle times, not from the default.
  engine.restoreHandleTimes(await store.recentHandleSeconds(HANDLE_TIMES_KEPT));
  const now = engine.now();
  // Nobody is online until their console is back (see Engine.returning): no chat goes to an empty desk.
  for (const a of roster) if (a.presence !== "offline") engine.returning.set(a.profile.id, a.presence);
  const runtimes: AgentRuntime[] = roster.map((a) => ({
    ...a.profile,
    presence: a.presence === "offline" ? "offline" : "away",
    active: active.get(a.profile.id) ?? [],
    idleSince: now,
  }));
  const effects = engine.router.restore({ agents: runtimes, queue, assignments, offers: [] }, now);
  // Offers that were open when we stopped are queued again: make the store agree.
  for (const q of queue) {
    await store.updateConversation(q.request.conversationId, { state: "queued", assignedAgentId: null, updatedAt: now });
  }
  await applyRouterEffects(engine, effects);
  return { agents: roster.length, queued: queue.length, assigned: assignments.length };
}

/** Processes what is due now: escalation steps, offer timeouts, SLA breaches. */
export async function runDue(engine: Engine): Promise<number> {
  const due = engine.router.nextDue();
  if (due === null || due > engine.now()) return 0;
  const effects = engine.router.apply({ kind: "tick" }, engine.now());
  await applyRouterEffects(engine, effects);
  return effects.length;
}
