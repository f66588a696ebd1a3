import { DomainError } from "../core/errors.js";
import { isOpen } from "../core/hours/index.js";
import type { Conversation, Handoff, RoutingRequest, RoutingRule, Topic, Trigger } from "../core/model.js";
import { buildRoutingRequest, matchRule, priorityBoost } from "../core/rules/index.js";
import { decideExpectation } from "../core/wait/index.js";
import { applyRouterEffects } from "./apply-router-effects.js";
import type { Engine } from "./engine.js";
import { postMessage } from "./post-message.js";
import { bucketText, systemText } from "./system-text.js";
import { localeFor, replyPhrase, replyPromise, visitorStatus, waitFor } from "./visitor-status.js";

export interface HandOffInput {
  readonly conversation: Conversation;
  readonly trigger: Trigger;
  /** Routing topic of the conversation ("none" when unknown; see `readRoutingTopic`). */
  readonly topic: Topic;
  /** Visitor messages this handoff decides: they leave the outbox in the handoff's transaction. */
  readonly decided?: readonly string[];
  /** Sentiment score of the visitor's latest message, when known: negative sentiment boosts the priority. */
  readonly sentiment?: number | null;
}

/**
 * The seam: a trigger fired. Matches the routing rule, records the handoff, tells the visitor
 * what to expect (an honest wait, or the async path) and hands the chat to the router.
 */
export async function handOff(engine: Engine, input: HandOffInput): Promise<Handoff> {
  const { store, publisher } = engine.deps;
  const { conversation: c, trigger } = input;
  const now = engine.now();
  const config = engine.config;
  const customer = c.customerId === null ? null : await store.getCustomer(c.customerId);
  const afterHours = !config.teams.some((t) => isOpen(t.calendar, now));
  const tier = customer?.tier ?? "standard";
  const matched = matchRule(config.rules, { topic: input.topic, trigger: trigger.kind, tier, language: c.language, afterHours });
  if (matched === null) throw new DomainError("invalid_config", "no routing rule matches; the last rule must be a catch-all");
  const rule = matched.rule;
  const { boost } = priorityBoost(
    { trigger, sentiment: input.sentiment ?? null, tier },
    { ...config.priority, negativeSentimentScore: config.triggers.negativeSentimentScore },
  );
  const request = buildRoutingRequest({
    conversationId: c.id,
    rule,
    language: c.language,
    csmAgentId: customer?.csmAgentId ?? null,
    triggeredAt: trigger.at,
    now,
    priorityBoost: boost,
  });
  const asyncReason = forcedAsyncReason(engine, rule, request, afterHours, now);
  // Straight to the async path: the handoff keeps the reply time promised, its measure instead of a live SLA.
  const promise = asyncReason === null ? null : replyPromise(engine, { ...c, ruleId: rule.id }, now);
  const handoff: Handoff = {
    id: engine.deps.newId(),
    conversationId: c.id,
    trigger,
    ruleId: rule.id,
    priority: request.priority,
    slaDeadline: request.slaDeadline,
    estimate: null,
    fromAgentId: null,
    toAgentId: null,
    toTeam: rule.target.team,
    note: null,
    createdAt: now,
    assignedAt: null,
    firstHumanAt: null,
    asyncPromisedBy: promise?.promisedBy ?? null,
    unansweredReassignments: 0,
  };
  await store.transaction(async (tx) => {
    await tx.createHandoff(handoff);
    await tx.markDecided(input.decided ?? []);
    await tx.updateConversation(c.id, {
      state: asyncReason === null ? "queued" : "async",
      ruleId: rule.id,
      priority: request.priority,
      slaDeadline: request.slaDeadline,
      updatedAt: now,
    });
  });
  const updated = await engine.conversation(c.id);
  if (asyncReason !== null && promise !== null) {
    const why = systemText(c.language, asyncReason === "after_hours" ? "awayNow" : "nobodyNow");
    await postMessage(engine, {
      conversationId: c.id,
      author: "system",
      text: systemText(c.language, "leaveMessage", { why, when: replyPhrase(promise, now, c.language) }),
    });
    publisher.publish({ kind: "conversation", conversationId: c.id }, "status", await visitorStatus(engine, updated));
    return handoff;
  }
  await postMessage(engine, { conversationId: c.id, author: "system", text: systemText(c.language, "connecting") });
  const effects = engine.router.apply({ kind: "enqueue", request }, now);
  if (engine.router.stateOf(c.id) === "queued") await tellWait(engine, updated, handoff);
  await applyRouterEffects(engine, effects);
  return handoff;
}

/** Why the chat goes straight to the async inbox, or null when it is routed. */
function forcedAsyncReason(
  engine: Engine,
  rule: RoutingRule,
  request: RoutingRequest,
  afterHours: boolean,
  now: number,
): "after_hours" | "no_agent" | null {
  if (rule.async || afterHours) return "after_hours";
  const team = engine.team(rule.target.team);
  if (team !== null && !isOpen(team.calendar, now)) return "after_hours";
  // Nobody online who may take it, even once every escalation step has widened the target.
  // Agents expected back after a restart count: their consoles are reconnecting.
  if (engine.router.capacityFor(request, request.escalation.length).online === 0 && engine.returning.size === 0) return "no_agent";
  return null;
}

/** Records the estimate shown and tells the visitor the wait (or offers to leave a message). */
async function tellWait(engine: Engine, c: Conversation, handoff: Handoff): Promise<void> {
  const wait = waitFor(engine, c.id);
  if (wait === null) return;
  await engine.deps.store.updateHandoff(handoff.id, { estimate: { seconds: wait.seconds, bucket: wait.bucket } });
  const team = engine.team(engine.rule(c.ruleId)?.target.team ?? null) ?? engine.config.teams[0];
  if (team === undefined) return;
  const expectation = decideExpectation(
    {
      eligibleOnline: 1,
      anyTeamOpen: true,
      estimateSeconds: wait.seconds,
      calendar: team.calendar,
      now: engine.now(),
      visitorTimeZone: c.visitorTimeZone,
      locale: localeFor(c.language),
      replyWithinMinutes: team.replyWithinMinutes,
    },
    engine.config.wait,
  );
  const now = engine.now();
  const text =
    expectation.kind === "offer_async"
      ? systemText(c.language, "longWait", { wait: bucketText(c.language, wait.bucket), when: replyPhrase(replyPromise(engine, c, now), now, c.language) })
      : systemText(c.language, "queuePosition", { position: wait.position, wait: bucketText(c.language, wait.bucket) });
  await postMessage(engine, { conversationId: c.id, author: "system", text });
}
