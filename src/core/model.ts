/**
 * Baton's domain vocabulary. Pure data: readonly types and `kind` unions only.
 * Time is always epoch milliseconds passed in by the caller (`now: number`).
 */

/** ISO 639-1 language code, lower case ("en", "es"). */
export type Lang = string;

export type ConversationState = "bot" | "queued" | "offered" | "assigned" | "async" | "resolved";
export const CONVERSATION_STATES: readonly ConversationState[] = [
  "bot",
  "queued",
  "offered",
  "assigned",
  "async",
  "resolved",
];

export type Author = "visitor" | "bot" | "agent" | "system";
export type CustomerTier = "standard" | "vip" | "enterprise";
export type Presence = "online" | "away" | "offline";

/** Routing topics the rules table speaks of; NLU intents map onto these. */
export type Topic =
  | "billing"
  | "technical"
  | "orders"
  | "account"
  | "presale"
  | "cancellation"
  | "human"
  | "greeting"
  | "none";
export const TOPICS: readonly Topic[] = [
  "billing",
  "technical",
  "orders",
  "account",
  "presale",
  "cancellation",
  "human",
  "greeting",
  "none",
];

export type TriggerKind =
  | "explicit_request"
  | "repeated_question"
  | "confidence_drop"
  | "negative_sentiment"
  | "keyword"
  | "high_value"
  | "agent_transfer"
  | "bot_api"
  | "bot_unavailable";
export const TRIGGER_KINDS: readonly TriggerKind[] = [
  "explicit_request",
  "repeated_question",
  "confidence_drop",
  "negative_sentiment",
  "keyword",
  "high_value",
  "agent_transfer",
  "bot_api",
  "bot_unavailable",
];

/** What the NLU port returns for one visitor message. Deterministic for the same input. */
export interface NluResult {
  readonly language: Lang;
  /** How sure the language guess is, 0..1. */
  readonly languageConfidence: number;
  /** Intent name from the bot corpus, or "none". */
  readonly intent: string;
  /** Routing topic the intent belongs to. */
  readonly topic: Topic;
  /** Calibrated 0..1. */
  readonly confidence: number;
  readonly alternatives: readonly { readonly intent: string; readonly confidence: number }[];
  readonly entities: readonly Entity[];
  readonly sentiment: { readonly score: number; readonly label: "negative" | "neutral" | "positive" };
  /**
   * Probability (0..1) that the visitor wants or needs a human now (complaint, anger, repeated
   * failure, urgency), from the trained frustration model. Absent when no model produced it
   * (e.g. an external bot's reading); the trigger then falls back to the sentiment score.
   */
  readonly frustration?: number;
  /**
   * The finer question the message asks (e.g. "delete_account", where the intent is account.manage),
   * from the trained question model, with its calibrated confidence; what the repeated-question
   * trigger compares. Absent without a question model or when it reads the message as out of scope.
   */
  readonly question?: { readonly id: string; readonly confidence: number };
  readonly explicitHumanRequest: { readonly requested: boolean; readonly evidence: string | null };
}

export interface Entity {
  /** Field name, e.g. "order_number", "email", "phone", "account_id", "error_code", "amount". */
  readonly field: string;
  readonly value: string;
  /** Character span in the message text. */
  readonly start: number;
  readonly end: number;
}

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  /** Client-supplied id for idempotent sends (visitor and agent messages). */
  readonly clientMessageId: string | null;
  readonly author: Author;
  /** Agent id when author is "agent". */
  readonly authorId: string | null;
  readonly text: string;
  readonly at: number;
  /** Present on visitor messages the NLU has read, and on an external bot's turns (its intent and confidence). */
  readonly nlu: NluResult | null;
  /**
   * In a chat served through machine translation: the text in the other side's language,
   * beside `text` (always the author's own words). Absent or null: not translated.
   */
  readonly translation?: MessageTranslation | null;
  /** Quick replies an external bot offered with this turn (the widget draws them; the text stays the fallback). */
  readonly buttons?: readonly BotButton[] | undefined;
  /** On a visitor message sent by clicking a button: the button's payload, which goes to the bot instead of the title. */
  readonly payload?: string | undefined;
}

/** A message's translation, stored beside the original (both texts and both languages kept). */
export interface MessageTranslation {
  /** The text in `to`; null when the translator failed or was too slow (`error` says why). */
  readonly text: string | null;
  readonly from: Lang;
  readonly to: Lang;
  /** The pivot language (from → via → to) when no direct pair exists, else null. */
  readonly via: Lang | null;
  /** The agent changed the machine translation before sending. */
  readonly edited: boolean;
  readonly error: string | null;
}

/** A quick reply: the visitor sees `title`; clicking sends `payload` to the bot (the title shows in the transcript). */
export interface BotButton {
  readonly title: string;
  readonly payload: string;
}

export interface Field {
  readonly name: string;
  readonly value: string;
  /**
   * Where it came from: the message that carried it, or "crm", "page", "bot_api"; "unverified"
   * is what the visitor's page claimed without proof (an e-mail without a signed identity).
   */
  readonly source: { readonly kind: "message"; readonly messageId: string } | { readonly kind: "crm" | "page" | "bot_api" | "unverified" };
  readonly at: number;
}

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly plan: string | null;
  readonly tier: CustomerTier;
  readonly openTickets: number;
  readonly lifetimeValue: number;
  /** Agent id of the named customer success manager, if any. */
  readonly csmAgentId: string | null;
  /** IANA time zone, for the promised reply time. */
  readonly timeZone: string | null;
}

export interface Trigger {
  readonly kind: TriggerKind;
  readonly at: number;
  /** Human-readable why, e.g. 'visitor wrote "can I talk to a person"'. */
  readonly reason: string;
  /** Message ids that caused it, and the scores involved. */
  readonly evidence: { readonly messageIds: readonly string[]; readonly scores: Readonly<Record<string, number>> };
}

export interface AgentSkill {
  readonly skill: string;
  /** 1 (basic) .. 5 (expert). */
  readonly proficiency: number;
}

/** Who an agent is; changes rarely (admin edits). */
export interface AgentProfile {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: "agent" | "admin";
  readonly teams: readonly string[];
  readonly skills: readonly AgentSkill[];
  readonly languages: readonly Lang[];
  /** Can serve other languages through machine translation where a rule allows it. */
  readonly translationEnabled: boolean;
  /**
   * Set by the router from the translator's pairs and health (`set_translation`): each visitor
   * language this agent serves through translation now, with the agent's own language for it.
   * Absent: no translator is wired in (simulator, router tests) and the flag alone decides.
   */
  readonly viaTranslation?: Readonly<Record<Lang, Lang>>;
  readonly senior: boolean;
  readonly cap: number;
}

/** An agent as the router sees it: profile plus live presence and load. */
export interface AgentRuntime extends AgentProfile {
  readonly presence: Presence;
  /** Conversation ids assigned or offered to this agent (both count against the cap). */
  readonly active: readonly string[];
  /** Epoch ms of the last assignment or of coming online, for "longest idle". */
  readonly idleSince: number;
}

export interface WeeklyInterval {
  /** 1 = Monday .. 7 = Sunday (ISO, as luxon). */
  readonly day: number;
  /** "HH:mm" local time in the calendar's zone; end may be "24:00". */
  readonly start: string;
  readonly end: string;
}

export interface BusinessCalendar {
  readonly timeZone: string;
  readonly weekly: readonly WeeklyInterval[];
  /** ISO dates ("2026-12-25") closed all day, in the calendar's zone. */
  readonly holidays: readonly string[];
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly skills: readonly string[];
  readonly calendar: BusinessCalendar;
  /**
   * While the team is open but nobody who could take a chat is online (or the visitor leaves a
   * message during a long wait): the reply promised, in minutes from now. Promises name a time.
   */
  readonly replyWithinMinutes: number;
}

export type TierRequirement = "any" | "senior" | "named_csm";

export type EscalationAction =
  | { readonly kind: "relax_language" }
  | { readonly kind: "relax_tier" }
  | { readonly kind: "widen_skill"; readonly skill: string }
  | { readonly kind: "widen_team"; readonly team: string }
  /**
   * A chat transferred to a named agent who is not there: it stops waiting for them and goes to
   * their team (null: to anyone). Built by transfers, not written in rules.
   */
  | { readonly kind: "release_target"; readonly team: string | null };

export interface EscalationStep {
  /** Seconds after the handoff was queued. */
  readonly afterSeconds: number;
  readonly action: EscalationAction;
}

/** One row of the routing-rules table. Ordered; first match wins. Absent `when` keys match anything. */
export interface RoutingRule {
  readonly id: string;
  readonly name: string;
  readonly when: {
    readonly topics?: readonly Topic[];
    readonly triggers?: readonly TriggerKind[];
    readonly tiers?: readonly CustomerTier[];
    /** Languages to match; the special value "!en" style is not used: see `notLanguages`. */
    readonly languages?: readonly Lang[];
    readonly notLanguages?: readonly Lang[];
    readonly afterHours?: boolean;
  };
  readonly target: {
    readonly skills: readonly string[];
    readonly team: string | null;
    readonly tier: TierRequirement;
    /** Route to agents speaking the conversation language; translation-enabled agents only if allowed. */
    readonly allowTranslation: boolean;
  };
  /** Higher is served first. VIP 100, negative sentiment +20 etc. are config. */
  readonly priority: number;
  /** Seconds from trigger to first human message. */
  readonly slaSeconds: number;
  /** Send straight to the async inbox. */
  readonly async: boolean;
  readonly escalation: readonly EscalationStep[];
}

/** What the router needs to place one conversation. Built by the app from the matched rule. */
export interface RoutingRequest {
  readonly conversationId: string;
  readonly ruleId: string;
  readonly skills: readonly string[];
  readonly team: string | null;
  readonly language: Lang;
  readonly allowTranslation: boolean;
  readonly tier: TierRequirement;
  /** Named CSM for this customer, preferred when eligible and required when tier is "named_csm". */
  readonly csmAgentId: string | null;
  readonly priority: number;
  /** When the handoff was triggered (SLA clock start). */
  readonly triggeredAt: number;
  /** When it entered routing (queue arrival order). */
  readonly arrivedAt: number;
  /** triggeredAt + slaSeconds * 1000. */
  readonly slaDeadline: number;
  readonly escalation: readonly EscalationStep[];
  /** Agents not to route to (e.g. the agent transferring it away, or who declined). */
  readonly excludeAgentIds: readonly string[];
  /** Transfer to one named agent: only they are a candidate (the chat waits for them). */
  readonly targetAgentId: string | null;
}

export interface Handoff {
  readonly id: string;
  readonly conversationId: string;
  readonly trigger: Trigger;
  readonly ruleId: string;
  readonly priority: number;
  readonly slaDeadline: number;
  /** Wait bucket shown to the visitor, and the estimate in seconds behind it. */
  readonly estimate: { readonly seconds: number; readonly bucket: string } | null;
  readonly fromAgentId: string | null;
  readonly toAgentId: string | null;
  readonly toTeam: string | null;
  readonly note: string | null;
  readonly createdAt: number;
  readonly assignedAt: number | null;
  readonly firstHumanAt: number | null;
  /**
   * The reply time promised when the handoff went straight to the async path (nobody could take
   * it, or after hours); null when it was routed live. Such a handoff is never judged by a live SLA.
   */
  readonly asyncPromisedBy: number | null;
  /** Times the chat was taken back from an agent who had not answered it in time, under this handoff. */
  readonly unansweredReassignments: number;
}

export interface Conversation {
  readonly id: string;
  readonly state: ConversationState;
  readonly visitorId: string;
  readonly customerId: string | null;
  readonly language: Lang;
  readonly page: { readonly url: string; readonly title: string } | null;
  readonly visitorTimeZone: string | null;
  readonly assignedAgentId: string | null;
  readonly ruleId: string | null;
  readonly priority: number;
  readonly slaDeadline: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly resolvedAt: number | null;
  /**
   * The bot in charge, fixed when the conversation starts from its widget key (`bots.sites`):
   * "builtin", "none" or an external bot's id. Absent on conversations from before bots were
   * configurable: the built-in bot.
   */
  readonly bot?: string | undefined;
}
