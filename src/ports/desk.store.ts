/**
 * What the agent's working day stores beside conversations: canned responses (team and
 * personal), private notes with @mentions, and full-text search over transcripts. One contract
 * suite (test/contract/store-desk.contract.ts) runs against every implementation.
 */

/** A saved reply. Exactly one of `team` (shared with a team, managed by admins) and `ownerId` (personal) is set. */
export interface CannedResponse {
  readonly id: string;
  readonly team: string | null;
  readonly ownerId: string | null;
  /** What the agent types after "/" to find it, e.g. "refund". */
  readonly shortcut: string;
  readonly title: string;
  /** The text with variables such as {visitor.name} and {field.order_number}. */
  readonly text: string;
  readonly updatedAt: number;
}

/** A private note on a conversation: agents only, never sent to the visitor. */
export interface Note {
  readonly id: string;
  readonly conversationId: string;
  readonly authorId: string;
  readonly text: string;
  /** Agent ids mentioned with @. */
  readonly mentions: readonly string[];
  readonly at: number;
}

/** How far one side of a conversation has seen the other side's messages: up to and including `messageId`. */
export interface ReadMark {
  readonly conversationId: string;
  readonly reader: "visitor" | "agent";
  readonly messageId: string;
  readonly at: number;
}

/** A transcript message that matched a search. */
export interface TranscriptHit {
  readonly conversationId: string;
  readonly messageId: string;
  readonly text: string;
  readonly at: number;
}

/** A visitor's browser and system, read from their User-Agent. */
export interface VisitorDevice {
  readonly visitorId: string;
  readonly userAgent: string;
  /** "Chrome 120", "Safari 17.1"; null when not recognised. */
  readonly browser: string | null;
  /** "macOS 14.2", "Android 14". */
  readonly os: string | null;
  /** "desktop", "mobile", "tablet". */
  readonly device: string | null;
  readonly updatedAt: number;
}

/** A file sent in a chat; its bytes are in the BlobStorage under `storageKey`. */
export interface Attachment {
  readonly id: string;
  readonly conversationId: string;
  /** The message that carries it in the transcript. */
  readonly messageId: string;
  readonly uploader: "visitor" | "agent";
  readonly uploaderId: string | null;
  /** The file name to offer, made safe, with the extension of its sniffed type. */
  readonly name: string;
  /** Sniffed from the content, never taken from the upload. */
  readonly contentType: string;
  readonly size: number;
  readonly storageKey: string;
  /** The random capability in the file's URL. */
  readonly accessKey: string;
  readonly createdAt: number;
}

export interface DeskStore {
  /** Inserts or replaces the canned response with this id. */
  saveCanned(c: CannedResponse): Promise<void>;
  getCanned(id: string): Promise<CannedResponse | null>;
  /** Returns false when there was none. */
  deleteCanned(id: string): Promise<boolean>;
  /** The team ones of `teams` ("all": every team's) and the personal ones of `ownerId`, by shortcut. */
  listCanned(filter: { readonly teams: readonly string[] | "all"; readonly ownerId: string | null }): Promise<CannedResponse[]>;

  /** Inserts or replaces the visitor's device. */
  saveVisitorDevice(d: VisitorDevice): Promise<void>;
  getVisitorDevice(visitorId: string): Promise<VisitorDevice | null>;

  addAttachment(a: Attachment): Promise<void>;
  getAttachment(id: string): Promise<Attachment | null>;
  /** A conversation's attachments, oldest first; `since` counts recent ones (rate limits). */
  listAttachments(conversationId: string, since?: number): Promise<Attachment[]>;

  /** Inserts or replaces the reader's mark in this conversation (the caller keeps it moving forward). */
  saveReadMark(m: ReadMark): Promise<void>;
  /** Both sides' marks of a conversation (none, one or two). */
  listReadMarks(conversationId: string): Promise<ReadMark[]>;

  addNote(n: Note): Promise<void>;
  /** Oldest first. */
  listNotes(conversationId: string): Promise<Note[]>;

  /**
   * Messages containing every word of `query` (case- and accent-insensitive, whole words; the
   * last word may be a prefix), best first, at most `limit`. SQLite FTS5 / PostgreSQL full-text.
   */
  searchMessages(query: string, limit: number): Promise<TranscriptHit[]>;
}
