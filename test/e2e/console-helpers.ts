import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import type { PresentedMessage } from "../../src/app/events.js";
import { SCREENSHOT_DIR } from "./harness.js";

/** A visitor driven through the HTTP + socket API, as the widget would. */
export interface TestVisitor {
  readonly conversationId: string;
  readonly socket: Socket;
  /** Every "message" event received, in order. */
  readonly messages: PresentedMessage[];
  /** Sends a message and resolves with the ack's data (throws on a refused ack). */
  send(text: string): Promise<unknown>;
  /** Resolves with the first received message matching `match` (already received ones count). */
  waitForMessage(match: (m: PresentedMessage) => boolean, timeoutMs?: number): Promise<PresentedMessage>;
  close(): void;
}

let seq = 0;

/** Opens a visitor session (POST /api/visitor/session) and connects "/visitor" with its token. */
export async function openVisitor(baseUrl: string, body: Record<string, unknown> = {}): Promise<TestVisitor> {
  const res = await fetch(`${baseUrl}/api/visitor/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`visitor session: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as { token: string; conversationId: string };
  const socket = io(`${baseUrl}/visitor`, { auth: { token: session.token }, transports: ["websocket"] });
  const messages: PresentedMessage[] = [];
  const waiters: { match: (m: PresentedMessage) => boolean; done: (m: PresentedMessage) => void }[] = [];
  socket.on("message", (m: PresentedMessage) => {
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(m);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    conversationId: session.conversationId,
    socket,
    messages,
    async send(text) {
      const ack = (await socket.timeout(10_000).emitWithAck("message:send", { clientMessageId: `v-${++seq}`, text })) as {
        ok: boolean;
        data?: unknown;
        error?: { message: string };
      };
      if (!ack.ok) throw new Error(`visitor message refused: ${ack.error?.message}`);
      return ack.data;
    },
    waitForMessage(match, timeoutMs = 10_000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching visitor message within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          match,
          done: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () => socket.close(),
  };
}

/** Signs in on the console (or admin) page at `url` through its form. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs an agent in on the console and sets them online; waits for the socket to say so. */
export async function signInAgent(page: Page, baseUrl: string, email: string): Promise<void> {
  await signIn(page, `${baseUrl}/console/`, email, "demo");
  await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
  await page.locator("label.seg", { hasText: "Online" }).click();
  await page.locator(".seg.presence-online.active").waitFor();
}

/** Saves a full-page screenshot to screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Logs in through the API and returns the bearer token. */
export async function apiLogin(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/agent/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** An agent driven through the /agent socket (to generate traffic without a browser). */
export interface TestAgent {
  readonly socket: Socket;
  send<T = unknown>(event: string, payload: object): Promise<T>;
  /** Resolves when `conversationId` is assigned to this agent (already assigned ones count). */
  assigned(conversationId: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Signs in through the API, connects "/agent" and goes online. */
export async function connectAgent(baseUrl: string, email: string, password = "demo"): Promise<TestAgent> {
  const token = await apiLogin(baseUrl, email, password);
  const socket = io(`${baseUrl}/agent`, { auth: { token }, transports: ["websocket"] });
  const seen = new Set<string>();
  const waiters = new Map<string, () => void>();
  socket.on("conversation:assigned", (p: { context: { conversation: { id: string } } }) => {
    const id = p.context.conversation.id;
    seen.add(id);
    waiters.get(id)?.();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const send = async <T>(event: string, payload: object): Promise<T> => {
    const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; data?: T; error?: { message: string } };
    if (!ack.ok) throw new Error(`${event} refused: ${ack.error?.message}`);
    return ack.data as T;
  };
  await send("presence:set", { presence: "online" });
  return {
    socket,
    send,
    assigned(conversationId, timeoutMs = 10_000) {
      if (seen.has(conversationId)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${conversationId} was not assigned within ${timeoutMs} ms`)), timeoutMs);
        waiters.set(conversationId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    close: () => socket.close(),
  };
}
