import type { Conversation, Customer, Field, Handoff, Message, RoutingRule, Topic, Trigger } from "../model.js";
import type { HandoffContextV1, IntentStep, TranscriptEntry } from "./handoff-context.js";
import { buildDoNotAsk } from "./known-fields.js";
import { summarizeSentiment } from "./sentiment-summary.js";
import { summarize } from "./summarize.js";

export interface BuildContextInput {
  readonly conversation: Conversation;
  /** Every message of the conversation, any order (sorted by time here, ties kept in input order). */
  readonly messages: readonly Message[];
  readonly fields: readonly Field[];
  readonly customer: Customer | null;
  /** Earlier handoffs of this conversation (transfers carry their notes). */
  readonly handoffs: readonly Handoff[];
  readonly trigger: Trigger;
  readonly rule: Pick<RoutingRule, "id" | "name">;
  readonly priority: number;
  readonly slaDeadline: number;
  /** How the routing topic was read; it goes into the summary ("topic unknown: ... general rule"). */
  readonly routing?: {
    readonly topic: Topic;
    readonly source: "said" | "alternative" | "unknown";
    readonly reason: string;
    /** What was added to the rule's priority, e.g. "negative sentiment (-0.72): +20". */
    readonly boosts: readonly string[];
  };
  /** Agent id → display name, for agent turns in the transcript. */
  readonly agentNames?: Readonly<Record<string, string>>;
}

/** "topic billing: said by the visitor (…) (rule: Billing; priority 70 = negative sentiment (-0.72): +20)". */
function routedText(input: BuildContextInput): string | undefined {
  const r = input.routing;
  if (r === undefined) return undefined;
  const boosts = r.boosts.length === 0 ? "" : `; priority ${input.priority}, boosted by ${r.boosts.join(", ")}`;
  return `${r.reason} (rule: ${input.rule.name}${boosts})`;
}

/** Display name of the bot in transcripts. */
export const BOT_NAME = "Baton bot";

function entry(m: Message, input: BuildContextInput): TranscriptEntry {
  const base = { id: m.id, author: m.author, text: m.text, at: m.at, ...(m.translation == null ? {} : { translation: m.translation }) };
  const names = input.agentNames ?? {};
  const authorName =
    m.author === "bot"
      ? BOT_NAME
      : m.author === "agent" && m.authorId !== null && Object.hasOwn(names, m.authorId)
        ? names[m.authorId]
        : m.author === "visitor"
          ? input.customer?.name
          : undefined;
  const named = authorName !== undefined ? { ...base, authorName } : base;
  // An external bot's turn keeps its quick replies and the intent and confidence it reported.
  const withButtons = m.buttons !== undefined && m.buttons.length > 0 ? { ...named, buttons: m.buttons.map((b) => ({ ...b })) } : named;
  const withName = m.author === "visitor" && m.payload !== undefined ? { ...withButtons, quickReply: true as const } : withButtons;
  if ((m.author !== "visitor" && m.author !== "bot") || m.nlu === null) return withName;
  const { intent, topic, confidence, sentiment } = m.nlu;
  return { ...withName, nlu: { intent, topic, confidence, sentiment: sentiment.score } };
}

/**
 * Assembles the handoff context the agent receives: transcript with bot turns and visitor NLU,
 * fields, intent history, sentiment trend, customer, trigger, rule, priority and SLA, a summary,
 * earlier handoffs and the do-not-ask list. Pure: the same input gives the same payload.
 * @example
 * const ctx = buildContext({ conversation, messages, fields, customer, handoffs: [], trigger, rule, priority: 50, slaDeadline });
 * ctx.version // 1
 */
export function buildContext(input: BuildContextInput): HandoffContextV1 {
  const { conversation: c } = input;
  const messages = input.messages.map((m, i) => ({ m, i })).sort((a, b) => a.m.at - b.m.at || a.i - b.i).map(({ m }) => m);
  const visitorNlu = messages.filter((m) => m.author === "visitor" && m.nlu !== null);
  const intentHistory: IntentStep[] = visitorNlu.map((m) => ({
    messageId: m.id,
    intent: m.nlu!.intent,
    topic: m.nlu!.topic,
    confidence: m.nlu!.confidence,
    at: m.at,
  }));
  return {
    version: 1,
    conversation: { id: c.id, state: c.state, language: c.language, page: c.page, createdAt: c.createdAt },
    customer: input.customer,
    transcript: messages.map((m) => entry(m, input)),
    fields: [...input.fields].sort((a, b) => a.at - b.at),
    intentHistory,
    sentiment: summarizeSentiment(visitorNlu.map((m) => m.nlu!.sentiment.score)),
    trigger: input.trigger,
    priority: input.priority,
    slaDeadline: input.slaDeadline,
    ruleId: input.rule.id,
    ruleName: input.rule.name,
    ...(input.routing === undefined ? {} : { routing: input.routing }),
    summary: summarize(messages, input.fields, input.trigger, routedText(input)),
    handoffs: [...input.handoffs].sort((a, b) => a.createdAt - b.createdAt),
    doNotAsk: buildDoNotAsk(input.fields, input.customer),
  };
}
