import type { TranslationView } from "./translation.js";
import { io, type Socket } from "socket.io-client";
import type { ConsoleAction } from "./console-state.js";
import { observeServerTime } from "./server-clock.js";
import type { Explanation, HandoffContextV1, InboxItem, MeState, PresentedMessage, PresentedNote, QueueEntry } from "./types.js";

/** The ack every agent frame gets (src/server/protocol.ts `Ack<T>`). */
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; path?: string } };

/** A frame the server refused; `message` is written for people. */
export class FrameError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "FrameError";
    this.code = code;
  }
}

export interface AgentSocketHandlers {
  readonly dispatch: (action: ConsoleAction) => void;
  /** The queue changed: the console refetches its own view (see the note in `connectAgent`). */
  readonly queueChanged: (hint: readonly QueueEntry[]) => void;
  /** A chat arrived that was not on the desk before (for the sound/notification). */
  readonly arrived: (context: HandoffContextV1, status: "offered" | "assigned") => void;
  /** A colleague mentioned this agent in a private note. */
  readonly mentioned: (note: PresentedNote, by: string) => void;
  /** The server refused the session (expired or revoked token): sign in again. */
  readonly signedOut: (message: string) => void;
}

/** The console's link to the /agent namespace. */
export interface AgentSocket {
  /** Sends a frame and resolves with the ack's data, or rejects with a `FrameError`. */
  send<T>(event: string, payload: object): Promise<T>;
  close(): void;
}

interface ChatPayload {
  readonly context: HandoffContextV1;
  readonly expiresAt?: number | null;
  readonly explanation?: Explanation | null;
  readonly translation?: TranslationView | null;
  /** Read marks (on a reconnect): how far the visitor has seen. */
  readonly read?: { readonly visitor: string | null };
}

/**
 * Connects to "/agent" with the session token. socket.io reconnects by itself, and the server
 * re-sends "me", "queue", "inbox" and every open chat on each connection, so the reducer only has
 * to be idempotent.
 */
export function connectAgent(token: string, handlers: AgentSocketHandlers, isOnDesk: (id: string) => boolean): AgentSocket {
  const { dispatch } = handlers;
  const socket: Socket = io("/agent", { auth: { token }, transports: ["websocket", "polling"] });
  socket.on("connect", () => dispatch({ kind: "connection", connection: "connected" }));
  socket.on("disconnect", (reason) => {
    dispatch({ kind: "connection", connection: "reconnecting" });
    // socket.io does not retry after a server-side disconnect (a restart or failover): do it here.
    // If the session is no longer valid, the middleware refuses and `signedOut` follows.
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", (err: Error) => {
    // Refused by the server's middleware (bad token): socket.io will not retry by itself.
    if (!socket.active) handlers.signedOut(err.message || "Please sign in again.");
    else dispatch({ kind: "connection", connection: "reconnecting" });
  });
  socket.on("me", (me: MeState) => dispatch({ kind: "me", me }));
  socket.on("queue", (queue: QueueEntry[]) => handlers.queueChanged(queue));
  const chat = (status: "offered" | "assigned") => (p: ChatPayload) => {
    // A live handover (with the router's explanation) was built just now: its newest line is "now".
    const newest = p.context.transcript.at(-1)?.at;
    if (p.explanation && newest !== undefined) observeServerTime(newest);
    if (!isOnDesk(p.context.conversation.id)) handlers.arrived(p.context, status);
    dispatch({ kind: "chat", status, context: p.context, expiresAt: p.expiresAt ?? null, explanation: p.explanation ?? null, translation: p.translation ?? null, visitorRead: p.read?.visitor ?? null });
  };
  socket.on("conversation:offered", chat("offered"));
  socket.on("conversation:assigned", chat("assigned"));
  socket.on("conversation:removed", (p: { conversationId: string; reason: string }) =>
    dispatch({ kind: "removed", conversationId: p.conversationId, reason: p.reason }),
  );
  socket.on("conversation:unanswered", (p: { conversationId: string; afterSeconds: number }) =>
    dispatch({ kind: "unanswered", conversationId: p.conversationId, afterSeconds: p.afterSeconds }),
  );
  socket.on("message", (message: PresentedMessage) => {
    observeServerTime(message.at);
    dispatch({ kind: "message", message });
  });
  // Issue 15: an earlier message's translation arrived; the translator's health changed.
  socket.on("message:translated", (message: PresentedMessage) => dispatch({ kind: "message", message }));
  socket.on("translation:status", (p: { healthy: boolean }) => dispatch({ kind: "translation:status", healthy: p.healthy }));
  socket.on("translation:summary", (p: { conversationId: string; summary: { text: string | null } }) => {
    if (p.summary.text !== null) dispatch({ kind: "translation:summary", conversationId: p.conversationId, summary: p.summary.text });
  });
  socket.on("typing", (p: { conversationId?: string; author?: string; typing: boolean }) => {
    if (p.conversationId !== undefined && p.author === "visitor") dispatch({ kind: "typing", conversationId: p.conversationId, typing: p.typing });
  });
  socket.on("read", (p: { conversationId: string; reader: string; upTo: string }) => {
    if (p.reader === "visitor") dispatch({ kind: "read", conversationId: p.conversationId, upTo: p.upTo });
  });
  socket.on("note", (note: PresentedNote) => dispatch({ kind: "notes", notes: [note] }));
  socket.on("mention", (p: { note: PresentedNote; by: string }) => handlers.mentioned(p.note, p.by));
  socket.on("inbox", (items: InboxItem[]) => dispatch({ kind: "inbox", items }));
  socket.on("inbox:new", (item: InboxItem) => dispatch({ kind: "inbox:item", item }));

  return {
    async send<T>(event: string, payload: object): Promise<T> {
      let ack: Ack<T>;
      try {
        ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
      } catch {
        throw new FrameError("timeout", "Baton did not answer in time. Check the connection and try again.");
      }
      if (!ack.ok) throw new FrameError(ack.error.code, ack.error.message);
      return ack.data;
    },
    close() {
      socket.close();
    },
  };
}
