import { io, type Socket } from "socket.io-client";
import type { Ack } from "../../src/server/protocol.js";
import { userHashFor } from "../../src/server/visitor-identity.js";
import { TEST_IDENTITY_SECRET } from "../e2e/harness.js";

/**
 * The session body of a visitor the site has identified, with the proof its backend would sign
 * (HMAC-SHA256 of the e-mail with the test Baton's identity secret).
 *
 * @example
 * await visitor(url, identifiedAs("lena.vogel@example.de"));
 */
export function identifiedAs(email: string, secret = TEST_IDENTITY_SECRET): { email: string; userHash: string } {
  return { email, userHash: userHashFor(secret, email) };
}

/** A socket.io client that records every event it receives, for assertions. */
export interface Recorder {
  readonly socket: Socket;
  readonly events: { event: string; payload: unknown }[];
  /** Emits a frame and resolves with its ack. */
  call<T = unknown>(event: string, payload: unknown): Promise<Ack<T>>;
  /** Resolves with the first recorded (or future) event matching; rejects after `ms`. */
  waitFor<T = unknown>(event: string, match?: (payload: T) => boolean, ms?: number): Promise<T>;
  close(): void;
}

function record(socket: Socket): Recorder {
  const events: { event: string; payload: unknown }[] = [];
  const waiters: (() => void)[] = [];
  socket.onAny((event: string, payload: unknown) => {
    events.push({ event, payload });
    for (const w of [...waiters]) w();
  });
  return {
    socket,
    events,
    call: (event, payload) => socket.timeout(10_000).emitWithAck(event, payload),
    waitFor<T>(event: string, match: (p: T) => boolean = () => true, ms = 10_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = (): boolean => {
          const hit = events.find((e) => e.event === event && match(e.payload as T));
          if (hit === undefined) return false;
          resolve(hit.payload as T);
          return true;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`timed out waiting for "${event}"; got ${events.map((e) => e.event).join(", ")}`));
        }, ms);
        const waiter = () => {
          if (check()) {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(waiter), 1);
          }
        };
        waiters.push(waiter);
      });
    },
    close: () => socket.close(),
  };
}

async function connected(socket: Socket): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}

export interface VisitorClient extends Recorder {
  readonly token: string;
  readonly resumeToken: string;
  readonly conversationId: string;
  readonly session: Record<string, unknown>;
  say(text: string, clientMessageId?: string): Promise<Ack<{ duplicate: boolean }>>;
}

let counter = 0;

export async function visitor(url: string, body: Record<string, unknown> = {}): Promise<VisitorClient> {
  const res = await fetch(`${url}/api/visitor/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ locale: "en-US", page: { url: "https://shop.example/billing", title: "Billing help" }, ...body }),
  });
  if (!res.ok) throw new Error(`session: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as { token: string; resumeToken: string; conversationId: string };
  const socket = io(`${url}/visitor`, { auth: { token: session.token }, transports: ["websocket"], reconnection: false });
  const rec = record(socket);
  await connected(socket);
  return Object.assign(rec, {
    token: session.token,
    resumeToken: session.resumeToken,
    conversationId: session.conversationId,
    session,
    say: (text: string, clientMessageId = `m-${++counter}`) => rec.call<{ duplicate: boolean }>("message:send", { clientMessageId, text }),
  });
}

/**
 * Another widget on a visitor's conversation, with their session token (a second tab, or the same
 * visitor on another node of a cluster).
 */
export async function visitorSocket(url: string, token: string): Promise<Recorder> {
  const socket = io(`${url}/visitor`, { auth: { token }, transports: ["websocket"], reconnection: false });
  const rec = record(socket);
  await connected(socket);
  return rec;
}

export interface AgentClient extends Recorder {
  readonly token: string;
  readonly agentId: string;
}

export async function agent(url: string, email: string, password = "demo", presence: "online" | "offline" = "online"): Promise<AgentClient> {
  const res = await fetch(`${url}/api/agent/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const { token, agent } = (await res.json()) as { token: string; agent: { id: string } };
  const socket = io(`${url}/agent`, { auth: { token }, transports: ["websocket"], reconnection: false });
  const rec = record(socket);
  await connected(socket);
  if (presence === "online") {
    const ack = await rec.call("presence:set", { presence: "online" });
    if (!ack.ok) throw new Error(`presence: ${ack.error.message}`);
  }
  return Object.assign(rec, { token, agentId: agent.id });
}
