import { type NluResult, TOPICS, type Topic } from "../model.js";

const ROUTABLE = new Set<Topic>(["billing", "technical", "orders", "account", "presale", "cancellation"]);

/** How sure an alternative intent must be to decide the routing topic when the top one is not routable. */
export const ALTERNATIVE_TOPIC_CONFIDENCE = 0.25;

function topicOfIntent(intent: string): Topic | null {
  const prefix = intent.split(".")[0] as Topic;
  return (TOPICS as readonly string[]).includes(prefix) && ROUTABLE.has(prefix) ? prefix : null;
}

/**
 * The topic a handoff is routed by. "Talk to a human about my invoice" reads as a human request
 * first, but it is a billing chat: take the newest turn's topic when it names a department,
 * else its strongest departmental alternative, else the newest departmental topic earlier in
 * the conversation, else the newest turn's topic as it is.
 * @example
 * routingTopic([{ topic: "human", alternatives: [{ intent: "billing.invoice", confidence: 0.5 }] }]) // "billing"
 */
export function routingTopic(turns: readonly Pick<NluResult, "topic" | "alternatives">[]): Topic {
  const last = turns[turns.length - 1];
  if (last === undefined) return "none";
  if (ROUTABLE.has(last.topic)) return last.topic;
  const alternative = [...last.alternatives]
    .sort((a, b) => b.confidence - a.confidence)
    .find((a) => a.confidence >= ALTERNATIVE_TOPIC_CONFIDENCE && topicOfIntent(a.intent) !== null);
  if (alternative !== undefined) return topicOfIntent(alternative.intent) as Topic;
  for (let i = turns.length - 2; i >= 0; i--) {
    const t = turns[i]?.topic;
    if (t !== undefined && ROUTABLE.has(t)) return t;
  }
  return last.topic;
}
