import type { Socket } from "socket.io-client";
import type { PresentedMessage, VisitorStatus } from "../../src/app/events.js";
import type { InboxItem } from "../../src/ports/conversation.store.js";
import { FrameError, request } from "../shared/socket.js";
import { Outbox } from "./outbox.js";
import { type ChatMessage, inboxReplyMessage, mergeHistory, pendingMessage, type SeenMark, upsertMessage } from "./transcript.js";
import { type KeyValueStorage, readJson } from "./storage.js";

/**
 * Who the site says the visitor is, with its backend's proof: `userHash` (hex HMAC-SHA256 of the
 * customer id, or else the e-mail, with the site's identity secret) or `identityToken` (a JWT).
 * Without proof the e-mail only reaches the agent marked as unverified.
 */
export interface VisitorIdentity {
  readonly email?: string;
  readonly customerId?: string;
  readonly userHash?: string;
  readonly identityToken?: string;
}

/** Everything the widget draws. */
export interface ChatState {
  /** idle: no session yet; connecting: first connection; reconnecting: lost after being online. */
  readonly connection: "idle" | "connecting" | "online" | "reconnecting";
  readonly conversationId: string | null;
  readonly messages: readonly ChatMessage[];
  readonly status: VisitorStatus | null;
  readonly inbox: readonly InboxItem[];
  readonly csat: "none" | "asking" | "sent";
  readonly agentTyping: boolean;
  /** The message the agent holding the chat has read up to ("Read" under the visitor's messages up to it). */
  readonly agentRead: string | null;
  readonly error: string | null;
}

interface SessionReply {
  token: string;
  /** The secret that resumes this conversation next time; rotated on every session call. */
  resumeToken: string;
  visitorId: string;
  conversationId: string;
  status: VisitorStatus;
  messages: PresentedMessage[];
  inbox: InboxItem[];
}

export interface ChatClientOptions {
  readonly origin: string;
  readonly storage: KeyValueStorage;
  /** BCP 47 tag sent to the server; it picks the conversation's language. */
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** The page the visitor is on now (sent with the session and with each message). */
  readonly page: () => { url: string; title: string };
  readonly connect: (origin: string, token: string) => Socket;
  readonly newId: () => string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** The widget key (`data-site`), sent with the session: it picks the bot. */
  readonly site?: string | null;
}

/** Where the widget keeps who the site last said the visitor is (customer id or e-mail). */
const IDENTITY_KEY = "identity";

function identityKey(v: VisitorIdentity): string | null {
  const key = v.customerId ?? v.email;
  return key === undefined || key.trim() === "" ? null : key.trim().toLowerCase();
}

const INITIAL: ChatState = { connection: "idle", conversationId: null, messages: [], status: null, inbox: [], csat: "none", agentTyping: false, agentRead: null, error: null };

/**
 * The visitor's side of a conversation: opens the session over HTTP, keeps one socket to the
 * /visitor namespace, and never loses a message (outbox until acked, history after reconnect).
 */
export class ChatClient {
  #state: ChatState = INITIAL;
  readonly #listeners = new Set<(s: ChatState) => void>();
  readonly #outbox: Outbox;
  readonly #inFlight = new Set<string>();
  #socket: Socket | null = null;
  #starting: Promise<void> | null = null;
  #email: string | null = null;
  /** The proof given with identify(): kept in memory only (the site gives it on each page). */
  #identity: VisitorIdentity | null = null;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #flushing = false;
  /** The last read mark sent to the server. */
  #readSent: string | null = null;

  constructor(private readonly opts: ChatClientOptions) {
    this.#outbox = new Outbox(opts.storage);
    this.#email = opts.storage.getItem("email");
  }

  get state(): ChatState {
    return this.#state;
  }

  /** Whether a session was opened on an earlier page load (start at once to show replies). */
  get returning(): boolean {
    return this.opts.storage.getItem("token") !== null;
  }

  /** Where and as whom to upload an attachment (issue 17); null before a session. */
  attachmentTarget(): { origin: string; token: string } | null {
    const token = this.opts.storage.getItem("token");
    return token === null ? null : { origin: this.opts.origin, token };
  }

  get email(): string | null {
    return this.#email;
  }

  subscribe(listener: (s: ChatState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens (or resumes) the session and connects; safe to call many times. */
  start(): Promise<void> {
    this.#starting ??= this.#openSession().then(() => this.#connect());
    return this.#starting;
  }

  /**
   * Sends a visitor message: drawn at once, kept in the outbox until the server acks it. A click
   * on a bot's quick reply sends its title as the text and its payload for the bot.
   */
  send(text: string, payload?: string): void {
    const trimmed = text.trim();
    if (trimmed === "") return;
    const item = { clientMessageId: this.opts.newId(), text: trimmed, page: this.opts.page(), at: this.#now(), ...(payload === undefined ? {} : { payload }) };
    this.#outbox.add(item);
    this.#set({ messages: upsertMessage(this.#state.messages, pendingMessage(item, this.#state.conversationId ?? "")) });
    void this.start().then(() => this.#flush());
  }

  /** The bot answered the visitor: resolve the chat (the server then asks for CSAT). */
  async botResolved(): Promise<void> {
    await this.#call("bot:resolved", {});
  }

  /** After an async offer: keep waiting. */
  async keepWaiting(): Promise<void> {
    await this.#call("wait:choose", { choice: "wait" });
  }

  /** Leaves a message for the async inbox; resolves once it is stored. */
  async leaveMessage(input: { name: string; email: string; text: string }): Promise<void> {
    const name = input.name.trim();
    const item = await this.#call<InboxItem>("async:leave", { ...(name ? { name } : {}), email: input.email.trim(), text: input.text });
    this.#rememberEmail(input.email.trim());
    this.#set({ inbox: [...this.#state.inbox.filter((i) => i.id !== item.id), item] });
  }

  /** E-mails the conversation so far to `email` (the server rate-limits this per address). */
  async emailTranscript(email: string): Promise<void> {
    await this.#call("transcript:email", { email });
    this.#rememberEmail(email);
  }

  /** The last agent or bot message the visitor saw in this conversation (kept across page loads). */
  get seen(): SeenMark | null {
    const id = this.#state.conversationId;
    return id === null ? null : readJson<SeenMark | null>(this.opts.storage, `seen:${id}`, null);
  }

  /** The visitor has seen the messages up to `mark` (the panel is open). */
  markSeen(mark: SeenMark | null): void {
    const id = this.#state.conversationId;
    if (id !== null && mark !== null && mark.id !== this.seen?.id) this.opts.storage.setItem(`seen:${id}`, JSON.stringify(mark));
    // The agent sees "Seen" under their messages up to the newest one shown (sent once per agent message).
    const agent = this.#state.messages.findLast((m) => m.author === "agent" && !m.pending && !m.id.startsWith("inbox:"));
    if (agent !== undefined && agent.id !== this.#readSent && this.#socket?.connected === true) {
      this.#readSent = agent.id;
      this.#socket.emit("read", { upTo: agent.id });
    }
  }

  async submitCsat(score: number, comment: string): Promise<void> {
    await this.#call("csat:submit", { score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    if (this.#state.conversationId !== null) this.opts.storage.setItem(`csat:${this.#state.conversationId}`, "1");
    this.#set({ csat: "sent" });
  }

  /**
   * The site says who the visitor is; with a valid proof the server attaches their customer record.
   * Someone else than the visitor this browser last identified (another user signed in on the
   * site): the previous session is signed out first, so the new visitor starts a conversation of
   * their own and never sees the previous one.
   */
  identify(visitor: VisitorIdentity): void {
    const who = identityKey(visitor);
    const before = this.opts.storage.getItem(IDENTITY_KEY);
    if (who !== null && before !== null && before !== who) {
      const started = this.#starting !== null;
      void this.signOut().then(() => {
        this.#adopt(visitor, who);
        if (started) void this.start();
      });
      return;
    }
    this.#adopt(visitor, who);
    if (this.#starting !== null) void this.#starting.then(() => this.#openSession()).catch(() => undefined);
  }

  #adopt(visitor: VisitorIdentity, who: string | null): void {
    this.#identity = visitor;
    if (who !== null) this.opts.storage.setItem(IDENTITY_KEY, who);
    if (visitor.email !== undefined) this.#rememberEmail(visitor.email);
  }

  /**
   * Signs the visitor out (the site's user logged out): the server revokes the session token and
   * every resume token of the conversation, and this browser forgets them, the e-mail, the identity
   * and any unsent message. The next message starts a new, anonymous conversation.
   */
  async signOut(): Promise<void> {
    const { storage } = this.opts;
    const token = storage.getItem("token");
    this.#socket?.close();
    this.#socket = null;
    this.#starting = null;
    this.#identity = null;
    this.#email = null;
    clearTimeout(this.#typingTimer);
    this.#typingTimer = undefined;
    for (const key of ["token", "resumeToken", "email", IDENTITY_KEY]) storage.removeItem(key);
    this.#outbox.clear();
    this.#set({ ...INITIAL });
    if (token === null) return;
    await (this.opts.fetch ?? fetch)(`${this.opts.origin}/api/visitor/signout`, { method: "POST", headers: { authorization: `Bearer ${token}` } }).catch(
      () => undefined, // offline: the token expires on its own, and this browser no longer holds it
    );
  }

  /** Tells the agent the visitor is typing (at most every 3 s, and only when an agent has the chat). */
  typing(): void {
    const socket = this.#socket;
    if (socket?.connected !== true || this.#state.status?.state !== "assigned" || this.#typingTimer !== undefined) return;
    socket.emit("typing", { typing: true });
    this.#typingTimer = setTimeout(() => {
      this.#typingTimer = undefined;
      socket.emit("typing", { typing: false });
    }, 3_000);
  }

  close(): void {
    this.#socket?.close();
    clearTimeout(this.#typingTimer);
  }

  // ---------- session and socket ----------

  async #openSession(): Promise<void> {
    if (this.#state.connection === "idle") this.#set({ connection: "connecting" });
    const { storage } = this.opts;
    const id = this.#identity;
    const body = {
      resumeToken: storage.getItem("resumeToken") ?? undefined,
      page: this.opts.page(),
      locale: this.opts.locale,
      timeZone: this.opts.timeZone,
      site: this.opts.site ?? undefined,
      email: this.#email ?? undefined,
      customerId: id?.customerId,
      userHash: id?.userHash,
      identityToken: id?.identityToken,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await (this.opts.fetch ?? fetch)(`${this.opts.origin}/api/visitor/session`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const data = (await res.json()) as SessionReply & { message?: string };
        if (!res.ok) {
          // A refused e-mail or page must not stop the chat: retry without the extras.
          if (res.status === 400 && (body.email !== undefined || body.identityToken !== undefined)) {
            body.email = undefined;
            body.customerId = undefined;
            body.userHash = undefined;
            body.identityToken = undefined;
            continue;
          }
          throw new Error(data.message ?? `HTTP ${res.status}`);
        }
        this.#applySession(data);
        return;
      } catch (err) {
        this.#set({ error: attempt >= 2 ? (err as Error).message : null });
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** attempt)));
      }
    }
  }

  #applySession(s: SessionReply): void {
    const { storage } = this.opts;
    storage.setItem("token", s.token);
    storage.setItem("resumeToken", s.resumeToken);
    storage.removeItem("visitorId");
    const same = this.#state.conversationId === s.conversationId;
    const current = same ? this.#state.messages : [];
    this.#set({
      conversationId: s.conversationId,
      status: s.status,
      inbox: s.inbox,
      messages: mergeHistory(current, s.messages, s.inbox, this.#outbox.items, s.conversationId),
      csat: this.#csatFor(s.conversationId, s.status, same ? this.#state.csat : "none"),
      error: null,
    });
    if (this.#socket !== null) this.#socket.auth = { token: s.token };
  }

  #connect(): void {
    const token = this.opts.storage.getItem("token");
    if (token === null || this.#socket !== null) return;
    const socket = this.opts.connect(this.opts.origin, token);
    this.#socket = socket;
    let everOnline = false;
    socket.on("connect", () => {
      everOnline = true;
      this.#set({ connection: "online", error: null });
      void this.#resync();
    });
    socket.on("disconnect", (reason) => {
      this.#set({ connection: "reconnecting", agentTyping: false });
      // The server closed this socket on purpose (e.g. shutting down): come back anyway.
      if (reason === "io server disconnect") setTimeout(() => socket.connect(), 1_000);
    });
    socket.on("connect_error", (err) => {
      this.#set({ connection: everOnline ? "reconnecting" : "connecting" });
      // Refused by the server (expired token, new secret): open a fresh session, then retry.
      if (!socket.active) {
        void this.#openSession().then(() => {
          socket.auth = { token: this.opts.storage.getItem("token") };
          setTimeout(() => socket.connect(), 500);
        });
      } else if (err.message) this.#set({ error: null });
    });
    socket.on("message", (m: PresentedMessage) => {
      if (m.conversationId !== this.#state.conversationId) return;
      if (m.clientMessageId !== null) this.#outbox.remove(m.clientMessageId);
      this.#set({ messages: upsertMessage(this.#state.messages, { ...m, pending: false }), agentTyping: m.author === "agent" ? false : this.#state.agentTyping });
    });
    socket.on("status", (s: VisitorStatus) => {
      if (s.conversationId !== this.#state.conversationId) return;
      this.#set({ status: s, csat: this.#csatFor(s.conversationId, s, this.#state.csat) });
    });
    socket.on("typing", (t: { typing: boolean }) => this.#set({ agentTyping: t.typing === true }));
    socket.on("read", (r: { upTo: string }) => this.#set({ agentRead: r.upTo }));
    socket.on("csat:request", () => {
      if (this.#state.csat !== "sent") this.#set({ csat: "asking" });
    });
    socket.on("inbox:reply", (r: { itemId: string; text: string; at: number }) => {
      const inbox = this.#state.inbox.map((i) => (i.id === r.itemId ? { ...i, status: "replied" as const, reply: r.text, repliedAt: r.at } : i));
      const item = inbox.find((i) => i.id === r.itemId);
      const reply = item === undefined ? null : inboxReplyMessage(item);
      this.#set({ inbox, messages: reply === null ? this.#state.messages : upsertMessage(this.#state.messages, reply) });
    });
  }

  /** After every (re)connection: redraw from the server's history, then re-send the outbox. */
  async #resync(): Promise<void> {
    const socket = this.#socket;
    const conversationId = this.#state.conversationId;
    if (socket === null || conversationId === null) return;
    try {
      const h = await request<{ status: VisitorStatus; messages: PresentedMessage[]; inbox: InboxItem[]; read?: { agent: string | null } }>(socket, "history", {});
      for (const m of h.messages) if (m.clientMessageId !== null && m.author === "visitor") this.#outbox.remove(m.clientMessageId);
      this.#set({
        status: h.status,
        inbox: h.inbox,
        messages: mergeHistory(this.#state.messages, h.messages, h.inbox, this.#outbox.items, conversationId),
        csat: this.#csatFor(conversationId, h.status, this.#state.csat),
        agentRead: h.read?.agent ?? null,
      });
    } catch {
      // the next connection tries again
    }
    await this.#flush();
  }

  /** Sends the outbox in order; a message stays there until acked (a timeout retries later). */
  async #flush(): Promise<void> {
    const socket = this.#socket;
    if (socket === null || !socket.connected || this.#flushing) return;
    this.#flushing = true;
    try {
      for (const item of [...this.#outbox.items]) {
        if (!socket.connected) break;
        if (this.#inFlight.has(item.clientMessageId)) continue;
        this.#inFlight.add(item.clientMessageId);
        try {
          const { message } = await request<{ message: PresentedMessage; duplicate: boolean }>(socket, "message:send", {
            clientMessageId: item.clientMessageId,
            text: item.text,
            page: item.page,
            ...(item.payload === undefined ? {} : { payload: item.payload }),
          });
          this.#outbox.remove(item.clientMessageId);
          this.#set({ messages: upsertMessage(this.#state.messages, { ...message, pending: false }) });
        } catch (err) {
          if (err instanceof FrameError && err.code !== "timeout" && err.code !== "internal") {
            // Refused for good (too long, empty): show why and stop retrying it.
            this.#outbox.remove(item.clientMessageId);
            const failed = { ...pendingMessage(item, this.#state.conversationId ?? ""), failed: err.message };
            this.#set({ messages: upsertMessage(this.#state.messages.filter((m) => m.clientMessageId !== item.clientMessageId), failed) });
          } else {
            // No answer (timeout, dropped): try again shortly; the server ignores a repeat.
            if (socket.connected) setTimeout(() => void this.#flush(), 3_000);
            break;
          }
        } finally {
          this.#inFlight.delete(item.clientMessageId);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #call<T>(event: string, payload: object): Promise<T> {
    await this.start();
    const socket = this.#socket;
    if (socket === null) throw new FrameError("offline", "not connected");
    try {
      return await request<T>(socket, event, payload);
    } catch (err) {
      this.#set({ error: (err as Error).message });
      throw err;
    }
  }

  #csatFor(conversationId: string, status: VisitorStatus, current: ChatState["csat"]): ChatState["csat"] {
    if (this.opts.storage.getItem(`csat:${conversationId}`) !== null) return "sent";
    if (status.state === "resolved") return current === "sent" ? "sent" : "asking";
    return current === "sent" ? "sent" : "none";
  }

  #rememberEmail(email: string): void {
    this.#email = email;
    this.opts.storage.setItem("email", email);
  }

  #now(): number {
    return (this.opts.now ?? Date.now)();
  }

  #set(patch: Partial<ChatState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const l of this.#listeners) l(this.#state);
  }
}
