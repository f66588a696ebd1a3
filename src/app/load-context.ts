import { buildContext, type HandoffContextV1 } from "../core/context/index.js";
import { DomainError } from "../core/errors.js";
import type { Handoff } from "../core/model.js";
import { priorityBoost, readRoutingTopic, visitorTopicTurns } from "../core/rules/index.js";
import { visitorInfoOf } from "./conversation-list.js";
import type { Engine } from "./engine.js";

/** Builds the handoff context payload of a conversation from what the store holds. */
export async function loadContext(engine: Engine, conversationId: string): Promise<HandoffContextV1> {
  const { store } = engine.deps;
  const conversation = await engine.conversation(conversationId);
  const [messages, fields, handoffs, customer, roster] = await Promise.all([
    store.listMessages(conversationId),
    store.listFields(conversationId),
    store.listHandoffs(conversationId),
    conversation.customerId === null ? Promise.resolve(null) : store.getCustomer(conversation.customerId),
    engine.profiles(),
  ]);
  const current = handoffs[handoffs.length - 1];
  if (current === undefined) throw new DomainError("not_found", `conversation ${conversationId} has not been handed off`);
  const rule = engine.rule(current.ruleId) ?? { id: current.ruleId, name: current.ruleId };
  // The topic was read from the visitor's messages up to the first handoff (not the Bot API's own topic).
  const first = handoffs[0] as Handoff;
  const turns = visitorTopicTurns(messages, first.trigger.at);
  const topic = first.trigger.kind === "bot_api" ? undefined : readRoutingTopic(turns);
  const { reasons: boosts } = priorityBoost(
    { trigger: first.trigger, sentiment: turns.at(-1)?.sentiment.score ?? null, tier: customer?.tier ?? "standard" },
    { ...engine.config.priority, negativeSentimentScore: engine.config.triggers.negativeSentimentScore },
  );
  const routing = topic === undefined ? undefined : { topic: topic.topic, source: topic.source, reason: topic.reason, boosts };
  const built = buildContext({
    conversation,
    messages,
    fields,
    customer,
    handoffs: handoffs.slice(0, -1).concat(current.fromAgentId === null ? [] : [current]),
    trigger: current.trigger,
    rule,
    priority: current.priority,
    slaDeadline: current.slaDeadline,
    ...(routing === undefined ? {} : { routing }),
    agentNames: Object.fromEntries([...roster.values()].map((a) => [a.id, a.name])),
  });
  return { ...built, visitor: await visitorInfoOf(engine, conversation) };
}
