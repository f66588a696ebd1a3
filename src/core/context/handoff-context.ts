import type { Author, ConversationState, Customer, Field, Handoff, Lang, MessageTranslation, Topic, Trigger } from "../model.js";

/** One transcript line; bot and system turns keep their author, visitor turns (and an external bot's turns) carry their NLU. */
export interface TranscriptEntry {
  readonly id: string;
  readonly author: Author;
  /** Display name when known (the agent's name; "Baton bot" for the bot). */
  readonly authorName?: string;
  readonly text: string;
  readonly at: number;
  /** In a chat served through machine translation: the other side's text, beside the original `text`. */
  readonly translation?: MessageTranslation;
  readonly nlu?: {
    readonly intent: string;
    readonly topic: Topic;
    readonly confidence: number;
    readonly sentiment: number;
  };
  /** An external bot's quick replies on its turn. */
  readonly buttons?: readonly { readonly title: string; readonly payload: string }[];
  /** A visitor turn sent by clicking one of the bot's quick replies (`text` is its title). */
  readonly quickReply?: true;
}

export interface IntentStep {
  readonly messageId: string;
  readonly intent: string;
  readonly topic: Topic;
  readonly confidence: number;
  readonly at: number;
}

export type SentimentTrend = "improving" | "steady" | "worsening";

export interface SentimentSummary {
  /** Score of the last visitor turn with NLU, -1..1; null without any. */
  readonly latest: number | null;
  readonly average: number | null;
  readonly trend: SentimentTrend;
}

/** A known value the agent should not ask for again, with phrasings the console guard looks for. */
export interface DoNotAsk {
  readonly field: string;
  readonly value: string;
  readonly questionHints: readonly string[];
}

/**
 * Everything that travels with a handoff to the agent console (socket "conversation:offered" and
 * "conversation:assigned"). Versioned: a breaking change adds HandoffContextV2 beside this one.
 */
export interface HandoffContextV1 {
  readonly version: 1;
  readonly conversation: {
    readonly id: string;
    readonly state: ConversationState;
    readonly language: Lang;
    readonly page: { readonly url: string; readonly title: string } | null;
    readonly createdAt: number;
  };
  readonly customer: Customer | null;
  readonly transcript: readonly TranscriptEntry[];
  readonly fields: readonly Field[];
  readonly intentHistory: readonly IntentStep[];
  readonly sentiment: SentimentSummary;
  readonly trigger: Trigger;
  readonly priority: number;
  readonly slaDeadline: number;
  readonly ruleId: string;
  readonly ruleName: string;
  /** The conversation's routing topic and how it was read (absent when the handoff came with its own, e.g. the Bot API). */
  readonly routing?: {
    readonly topic: Topic;
    readonly source: "said" | "alternative" | "unknown";
    readonly reason: string;
    /** What was added to the rule's priority, e.g. "negative sentiment (-0.72): +20". */
    readonly boosts: readonly string[];
  };
  readonly summary: string;
  /** Earlier handoffs of this conversation, oldest first, with their transfer notes. */
  readonly handoffs: readonly Handoff[];
  readonly doNotAsk: readonly DoNotAsk[];
  /** Who the visitor is, for the agent: a name (or a stable friendly label), where and on what. Added by the app. */
  readonly visitor?: VisitorInfo;
}

/** The visitor as the console names and describes them (issue 17). */
export interface VisitorInfo {
  readonly label: string;
  readonly labelSource: "customer" | "name" | "email" | "friendly";
  /** From the widget's time zone (no geo-IP): "New York". */
  readonly city: string | null;
  readonly timeZone: string | null;
  readonly browser: string | null;
  readonly os: string | null;
  readonly device: string | null;
  /** Earlier conversations of this visitor or verified customer. */
  readonly pastChats: number;
}

/** The current context version. */
export type HandoffContext = HandoffContextV1;
