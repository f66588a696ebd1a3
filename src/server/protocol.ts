/**
 * The wire contract between the server and the web surfaces (widget, console, admin).
 * Every inbound socket frame and HTTP body is parsed with these schemas at the gateway.
 *
 * Socket.io namespaces:
 *   /visitor  auth: { token }  (token from POST /api/visitor/session)
 *   /agent    auth: { token }  (token from POST /api/agent/login)
 * Every client→server event takes an ack callback answered with `Ack<T>`; an event not listed
 * here is answered `not_found`, and every frame, known or not, counts against the rate limits.
 */
import { z } from "zod";

/**
 * Text on the wire carries no control characters but tab, line feed and carriage return: NUL and
 * the rest are refused at the gateway (PostgreSQL cannot store NUL in text, and none of them is
 * text a person typed). `parseInput` applies this to every string of every frame and body.
 *
 * @example
 * controlCharacterPath({ text: "a\u0000b" }); // "text"
 */
export function controlCharacterPath(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === "string") return hasControlCharacter(value) ? path.join(".") : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if (typeof key === "string" && hasControlCharacter(key)) return [...path, key].join(".");
    const found = controlCharacterPath(v, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export const ClientMessageId = z.string().min(1).max(100);
export const MessageText = z.string().trim().min(1, "message is empty").max(4000, "message is longer than 4000 characters");

/** A read mark: every message up to and including `upTo` was on a visible screen. */
export const ReadFrame = z.object({ upTo: z.string().min(1).max(100) }).strict();

// ---------- HTTP bodies ----------

export const VisitorSessionBody = z.object({
  /**
   * The resume token from an earlier session (the widget keeps it). It resumes that conversation
   * and is rotated; without it (or once it expired) the visitor starts a new conversation.
   */
  resumeToken: z.string().max(200).optional(),
  page: z.object({ url: z.string().max(2000), title: z.string().max(500) }).optional(),
  /** Browser language, e.g. "es-ES". */
  locale: z.string().max(35).optional(),
  timeZone: z.string().max(64).optional(),
  /**
   * Who the site says the visitor is. Without proof (userHash or identityToken) the e-mail is
   * only shown to the agent as unverified and selects no customer record.
   */
  email: z.email().optional(),
  customerId: z.string().max(100).optional(),
  /** Hex HMAC-SHA256 of customerId (or else the e-mail) with the site's identity secret. */
  userHash: z.string().max(128).optional(),
  /** A JWT from the site's backend with `email` and/or `customer_id`/`sub`, and `exp`. */
  identityToken: z.string().max(4000).optional(),
  /** The widget's key (the script tag's `data-site`): picks the bot in charge of a new conversation (`bots.sites`). */
  site: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "a widget key is letters, digits, . - and _ (64 at most)").optional(),
});
export type VisitorSessionBody = z.infer<typeof VisitorSessionBody>;

export const AgentLoginBody = z.object({ email: z.email(), password: z.string().min(1).max(200) });

// ---------- visitor → server frames (namespace /visitor) ----------

export const VisitorFrames = {
  /** Send a message. Ack after commit; idempotent by clientMessageId. */
  "message:send": z.object({
    clientMessageId: ClientMessageId,
    text: MessageText,
    /** Sent by clicking a bot's quick reply: its payload (the text is its title). Must be one the bot offered in this conversation. */
    payload: z.string().min(1).max(1000).optional(),
    page: z.object({ url: z.string().max(2000), title: z.string().max(500) }).optional(),
  }),
  /** After an async offer: keep waiting, or leave a message. */
  "wait:choose": z.object({ choice: z.enum(["wait", "leave"]) }),
  /** Leave a message for the async inbox. */
  "async:leave": z.object({
    name: z.string().trim().max(200).optional(),
    email: z.email(),
    text: MessageText,
  }),
  "csat:submit": z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
  /** The visitor confirms the bot answered them: the chat is resolved and CSAT asked (bot-only baseline). */
  "bot:resolved": z.object({}).strict(),
  /** Everything to redraw the widget: conversation status, messages, inbox replies. */
  history: z.object({}).strict(),
  typing: z.object({ typing: z.boolean() }),
  /** E-mail the conversation so far to this address (rate-limited per address and per conversation). */
  "transcript:email": z.object({ email: z.email() }),
  /** The widget was open and visible with every message up to `upTo` (a message id of this conversation) shown. */
  read: ReadFrame,
} as const;

// ---------- agent → server frames (namespace /agent) ----------

export const AgentFrames = {
  "presence:set": z.object({ presence: z.enum(["online", "away", "offline"]) }),
  "cap:set": z.object({ cap: z.number().int().min(0).max(50) }),
  "offer:accept": z.object({ conversationId: z.string().min(1) }),
  "offer:decline": z.object({ conversationId: z.string().min(1) }),
  "message:send": z.object({
    conversationId: z.string().min(1),
    clientMessageId: ClientMessageId,
    text: MessageText,
    /** In a chat served through translation: the visitor's-language text as the agent approved it. */
    translation: z.object({ text: MessageText, edited: z.boolean() }).optional(),
  }),
  /** The translation of a draft, for the agent to read (and edit) before sending. */
  "translate:preview": z.object({ conversationId: z.string().min(1), text: MessageText }),
  transfer: z.object({
    conversationId: z.string().min(1),
    to: z.union([z.object({ agentId: z.string().min(1) }), z.object({ team: z.string().min(1) })]),
    note: z.string().trim().min(1, "a transfer needs a note").max(2000),
  }),
  resolve: z.object({ conversationId: z.string().min(1) }),
  /** Take a queued chat by hand (the router checks cap and eligibility). */
  "queue:take": z.object({ conversationId: z.string().min(1) }),
  /** Open a conversation: returns its context payload (for queued ones too, read-only). */
  "conversation:open": z.object({ conversationId: z.string().min(1) }),
  "inbox:reply": z.object({ itemId: z.string().min(1), text: MessageText }),
  typing: z.object({ conversationId: z.string().min(1), typing: z.boolean() }),
  /** A private note (agents only, never sent to the visitor); "@tom" mentions a colleague. */
  "note:add": z.object({ conversationId: z.string().min(1), text: MessageText }),
  /** The chat was open and visible in the console with every message up to `upTo` shown (only the agent holding it). */
  read: ReadFrame.extend({ conversationId: z.string().min(1).max(100) }),
} as const;

// ---------- acks and server → client events ----------

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; path?: string; retryAfterMs?: number } };

/**
 * Server → visitor and agent events:
 *   "rate_limited" { event, code, message, retryAfterMs }  (a frame sent without an ack was refused)
 *
 * Server → visitor events:
 *   "message"  PresentedMessage            (bot, agent, system messages; and echo of the visitor's own)
 *   "status"   VisitorStatus               (state changes, wait estimate, async offer, agent joined)
 *   "typing"   { author: "agent", typing }
 *   "csat:request" {}
 *   "inbox:reply" { itemId, text, at }
 *   "read"     { conversationId, reader: "agent", upTo, at }  (the agent holding the chat has seen up to `upTo`)
 *
 * Server → agent events:
 *   "me"                   { agent, presence, load: { active, cap } }
 *   "queue"                QueueEntry[]     (the queue visible to this agent's teams)
 *   "conversation:offered" { context, expiresAt }
 *   "conversation:assigned" { context }     (context = HandoffContext, see src/core/context)
 *   "conversation:updated" { conversationId, state, assignedAgentId }
 *   "conversation:removed" { conversationId, reason }
 *   "message"              PresentedMessage  (with `translation` in a chat served through translation; `nlu` on
 *                          visitor turns and an external bot's; `quickReply: true` on a visitor's quick-reply click;
 *                          visitors' "message" events never carry `nlu` or `quickReply`)
 *   "message:translated"   PresentedMessage  (an earlier message's translation arrived)
 *   "translation:status"   { healthy, provider, pairs }  (to translation-enabled agents, on change)
 *   "translation:summary"  { conversationId, summary: MessageTranslation }  (the handoff summary in the agent's language)
 *   "inbox"                InboxItem[]
 *   "note"                 PresentedNote    (to the author, the agent holding the chat, and those mentioned)
 *   "mention"              { note: PresentedNote, by }  (to each agent a note mentions)
 *   "read"                 { conversationId, reader: "visitor", upTo, at }  (to the agent holding the chat)
 */
export type { PresentedMessage, QueueEntry, VisitorStatus } from "../app/events.js";
