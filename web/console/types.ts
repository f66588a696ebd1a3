/** What the console holds: the wire payloads of src/server/protocol.ts, typed from the server's own types. */
import type { PresentedAttachment, PresentedMessage, QueueEntry } from "../../src/app/events.js";
import type { HandoffContextV1, TranscriptEntry } from "../../src/core/context/index.js";
import type { AgentProfile, MessageTranslation, Presence } from "../../src/core/model.js";
import type { TranslationView } from "../../src/app/translate-transcript.js";
import type { Explanation } from "../../src/core/routing/types.js";
import type { ConversationFilter, ConversationRow } from "../../src/app/conversation-list.js";
import type { PresentedNote } from "../../src/app/notes.js";
import type { CannedResponse, InboxItem } from "../../src/ports/index.js";

export type { PresentedAttachment, ConversationFilter, ConversationRow, CannedResponse, HandoffContextV1, InboxItem, PresentedMessage, PresentedNote, Presence, QueueEntry, Explanation };

/** The signed-in agent as POST /api/agent/login returns it. */
export type AgentInfo = AgentProfile;

/** The "me" event: who, presence and load. */
export interface MeState {
  readonly agent: Pick<AgentProfile, "id" | "name" | "role" | "teams">;
  readonly presence: Presence;
  readonly load: { readonly active: number; readonly cap: number };
}

/** A colleague for the transfer dialog (GET /api/agents). */
export interface Colleague {
  readonly id: string;
  readonly name: string;
  readonly teams: readonly string[];
  readonly presence: Presence;
  readonly load: { readonly active: number; readonly cap: number };
}

/** A team (GET /api/teams). */
export interface TeamInfo {
  readonly id: string;
  readonly name: string;
  readonly skills: readonly string[];
}

/** One line of a chat, from the context transcript or a live "message" event. */
export interface ChatLine {
  readonly id: string;
  /** "note": a private note (agents only). */
  readonly author: TranscriptEntry["author"] | "note";
  readonly authorName: string;
  readonly text: string;
  readonly at: number;
  readonly nlu?: TranscriptEntry["nlu"];
  /** In a chat served through machine translation (issue 15). */
  readonly translation?: MessageTranslation;
  /** A file sent with the message: a thumbnail, or a download link. */
  readonly attachment?: PresentedAttachment;
  /** A bot turn's quick replies, shown as what it offered (agents cannot click them). */
  readonly buttons?: TranscriptEntry["buttons"];
  /** A visitor turn sent by clicking one of the bot's quick replies. */
  readonly quickReply?: true;
}

/** A chat on the agent's desk: offered (waiting for accept) or assigned. */
export interface Chat {
  readonly id: string;
  readonly status: "offered" | "assigned";
  readonly context: HandoffContextV1;
  readonly lines: readonly ChatLine[];
  /** Offer expiry (server time), null when assigned. */
  readonly expiresAt: number | null;
  readonly explanation: Explanation | null;
  readonly unread: number;
  readonly visitorTyping: boolean;
  /** The message the visitor's widget has shown up to ("Seen" under the agent's messages up to it); null: none yet. */
  readonly visitorRead: string | null;
  /** Flagged by the server: assigned this long without a first message from the agent; null once answered. */
  readonly unansweredAfterSeconds: number | null;
  /** Served through machine translation: languages, pairs, translator health (issue 15). */
  readonly translation?: (TranslationView & { readonly summary?: string }) | null;
}

export type Connection = "connecting" | "connected" | "reconnecting";
