import type {
  Conversation,
  ConversationState,
  Customer,
  Field,
  Handoff,
  Message,
  MessageTranslation,
} from "../core/model.js";

/** A CSAT answer; `segment` is decided when the survey is answered. */
export interface CsatRecord {
  readonly conversationId: string;
  readonly score: number;
  readonly comment: string | null;
  readonly segment: "bot_only" | "post_handoff" | "human_only";
  readonly at: number;
}

/** A message left for the async inbox, and the reply it gets. */
export interface InboxItem {
  readonly id: string;
  readonly conversationId: string;
  readonly name: string | null;
  readonly email: string;
  readonly text: string;
  /** Epoch ms we promised to reply by (next business open). */
  readonly promisedBy: number;
  readonly reason: "after_hours" | "no_agent" | "long_wait" | "visitor_choice" | "rule";
  readonly status: "open" | "replied";
  readonly reply: string | null;
  readonly repliedBy: string | null;
  readonly repliedAt: number | null;
  readonly createdAt: number;
}

/** A visitor message an external bot never took: every attempt failed (time-out, error, refusal). */
export interface BotDeadLetter {
  readonly id: string;
  readonly botId: string;
  readonly conversationId: string;
  readonly messageId: string;
  /** The body Baton tried to deliver, as sent. */
  readonly payload: unknown;
  /** The last attempt's failure. */
  readonly error: string;
  readonly attempts: number;
  readonly createdAt: number;
}

export type ConversationPatch = Partial<Omit<Conversation, "id" | "visitorId" | "createdAt">>;
export type HandoffPatch = Partial<Pick<Handoff, "toAgentId" | "assignedAt" | "firstHumanAt" | "estimate" | "note" | "fromAgentId" | "unansweredReassignments">>;
export type InboxPatch = Partial<Pick<InboxItem, "text" | "status" | "reply" | "repliedBy" | "repliedAt">>;

/**
 * Everything Baton persists about conversations. One contract suite
 * (test/contract/store.contract.ts) runs against every implementation.
 */
export interface ConversationStore {
  /** Runs `fn` in one transaction: all its writes commit together or none do. */
  transaction<T>(fn: (tx: ConversationStore) => Promise<T>): Promise<T>;

  createConversation(c: Conversation): Promise<void>;
  getConversation(id: string): Promise<Conversation | null>;
  updateConversation(id: string, patch: ConversationPatch): Promise<Conversation>;
  listConversations(filter: {
    readonly states?: readonly ConversationState[];
    readonly agentId?: string;
    readonly visitorId?: string;
    readonly customerId?: string;
    readonly limit?: number;
  }): Promise<Conversation[]>;

  /**
   * Stores a message once. A second call with the same (conversationId, clientMessageId)
   * stores nothing and returns the first message with `duplicate: true`.
   */
  appendMessage(m: Message): Promise<{ message: Message; duplicate: boolean }>;
  listMessages(conversationId: string): Promise<Message[]>;
  /** Stores a message's translation beside its original text (which never changes). */
  setMessageTranslation(messageId: string, translation: MessageTranslation | null): Promise<void>;

  /**
   * The outbox of decisions. A visitor message is recorded undecided in the transaction that
   * stores it; `markDecided` removes it once its decision (bot turn, handoff, or nothing to do) is
   * recorded, ideally in the transaction that records the decision. Recording twice is harmless.
   */
  recordUndecided(message: Pick<Message, "id" | "conversationId" | "at">): Promise<void>;
  markDecided(messageIds: readonly string[]): Promise<void>;
  /** Undecided messages, oldest first (by `at`, then insertion order). */
  listUndecided(filter: { readonly conversationId?: string; readonly limit?: number }): Promise<Message[]>;

  /** Inserts or replaces the field with this name in the conversation. */
  upsertField(conversationId: string, f: Field): Promise<void>;
  listFields(conversationId: string): Promise<Field[]>;

  createHandoff(h: Handoff): Promise<void>;
  updateHandoff(id: string, patch: HandoffPatch): Promise<void>;
  listHandoffs(conversationId: string): Promise<Handoff[]>;
  /** Handoffs created in [from, to), oldest first: the measurement and export source. */
  listHandoffsBetween(from: number, to: number): Promise<Handoff[]>;
  /**
   * Handle times in seconds (last assignment to resolution) of up to `limit` of the most recently
   * opened resolved chats, oldest first: the wait estimates' history, read again after a restart.
   */
  recentHandleSeconds(limit: number): Promise<number[]>;

  recordCsat(r: CsatRecord): Promise<void>;
  listCsatBetween(from: number, to: number): Promise<CsatRecord[]>;

  createInboxItem(i: InboxItem): Promise<void>;
  updateInboxItem(id: string, patch: InboxPatch): Promise<InboxItem>;
  listInbox(filter: { readonly status?: InboxItem["status"]; readonly conversationId?: string }): Promise<InboxItem[]>;

  upsertCustomer(c: Customer): Promise<void>;
  getCustomer(id: string): Promise<Customer | null>;
  findCustomerByEmail(email: string): Promise<Customer | null>;

  recordBotDeadLetter(d: BotDeadLetter): Promise<void>;
  /** Newest first. */
  listBotDeadLetters(filter: { readonly botId?: string; readonly limit?: number }): Promise<BotDeadLetter[]>;

  close(): Promise<void>;
}
