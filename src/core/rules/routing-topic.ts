import { type Message, type NluResult, TOPICS, type Topic } from "../model.js";

const ROUTABLE = new Set<Topic>(["billing", "technical", "orders", "account", "presale", "cancellation"]);

/** How sure an alternative intent must be to decide the routing topic when no turn named a department. */
export const ALTERNATIVE_TOPIC_CONFIDENCE = 0.25;

/** A visitor turn as the routing topic reads it (text only for the reason). */
export type TopicTurn = Pick<NluResult, "topic" | "alternatives"> & { readonly text?: string };

/**
 * The visitor's read messages as the routing topic takes them: each reading with its text (the
 * text shows a bare identifier, which names no department), up to `upTo` (epoch ms) if given.
 * @example
 * routingTopic(visitorTopicTurns(await store.listMessages(id)))
 */
export function visitorTopicTurns(messages: readonly Message[], upTo = Number.POSITIVE_INFINITY): (NluResult & { readonly text: string })[] {
  return messages.flatMap((m) => (m.author === "visitor" && m.nlu !== null && m.at <= upTo ? [{ ...m.nlu, text: m.text }] : []));
}

/** The routing topic and how it was read, for the "why you" panel and the handoff summary. */
export interface TopicReading {
  readonly topic: Topic;
  /** "said": a turn's own topic; "alternative": a turn's runner-up intent; "unknown": nothing departmental. */
  readonly source: "said" | "alternative" | "unknown";
  /** Index in the turns of the turn that decided, or null. */
  readonly turn: number | null;
  readonly reason: string;
}

/**
 * A message that is nothing but an identifier ("A-77881", "12345", "INV-2041"), typically the
 * answer to "Could you give me your order number?": it names no department, whatever intent
 * the classifier gives it.
 */
const BARE_IDENTIFIER = /^\s*#?(?=[\p{L}\p{N}_./-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}_./-]{1,40}[.!]?\s*$/u;

/** Whether a turn can say which department the conversation is for. */
const speaks = (t: TopicTurn) => t.text === undefined || !BARE_IDENTIFIER.test(t.text);

function topicOfIntent(intent: string): Topic | null {
  const prefix = intent.split(".")[0] as Topic;
  return (TOPICS as readonly string[]).includes(prefix) && ROUTABLE.has(prefix) ? prefix : null;
}

const quote = (t: TopicTurn) => (t.text === undefined ? "" : ` ("${t.text.length > 60 ? `${t.text.slice(0, 59)}…` : t.text}")`);

/**
 * The conversation's topic, which routes the handoff. A request for a human, a greeting, a
 * thank-you or a bare identifier (an order number given on its own) names no department, so it
 * never replaces one said earlier: the newest turn whose
 * own topic is departmental decides. Only when no turn named one does an alternative intent
 * decide (the strongest at or above `ALTERNATIVE_TOPIC_CONFIDENCE`, the newest on a tie); else
 * the topic is unknown and the newest turn's topic is kept as it is (the rules' catch-all takes it).
 * @example
 * readRoutingTopic([{ topic: "technical", alternatives: [] }, { topic: "human", alternatives: [{ intent: "cancellation.cancel", confidence: 0.3 }] }]).topic // "technical"
 */
export function readRoutingTopic(turns: readonly TopicTurn[]): TopicReading {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i] as TopicTurn;
    if (ROUTABLE.has(t.topic) && speaks(t)) return { topic: t.topic, source: "said", turn: i, reason: `topic ${t.topic}: said by the visitor${quote(t)}` };
  }
  let best: { topic: Topic; confidence: number; turn: number } | null = null;
  turns.forEach((t, i) => {
    if (!speaks(t)) return;
    for (const a of t.alternatives) {
      const topic = topicOfIntent(a.intent);
      if (topic === null || a.confidence < ALTERNATIVE_TOPIC_CONFIDENCE) continue;
      if (best === null || a.confidence >= best.confidence) best = { topic, confidence: a.confidence, turn: i };
    }
  });
  if (best !== null) {
    const b = best as { topic: Topic; confidence: number; turn: number };
    const t = turns[b.turn] as TopicTurn;
    return { topic: b.topic, source: "alternative", turn: b.turn, reason: `topic ${b.topic}: nothing clearer was said; the closest reading of a message${quote(t)} (${b.confidence.toFixed(2)})` };
  }
  const last = turns[turns.length - 1];
  return {
    topic: last?.topic ?? "none",
    source: "unknown",
    turn: null,
    reason: "topic unknown: the visitor named no department, so the general rule applies",
  };
}

/**
 * The topic a handoff is routed by (see `readRoutingTopic`).
 * @example
 * routingTopic([{ topic: "human", alternatives: [{ intent: "billing.invoice", confidence: 0.5 }] }]) // "billing"
 */
export function routingTopic(turns: readonly TopicTurn[]): Topic {
  return readRoutingTopic(turns).topic;
}
