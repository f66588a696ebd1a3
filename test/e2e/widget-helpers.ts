/** Helpers for the widget's browser tests: an agent or a second visitor on their own socket, and widget steps. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import type { PresentedMessage } from "../../src/app/events.js";
import type { Baton } from "../../src/server/baton.js";
import { SCREENSHOT_DIR } from "./harness.js";

/** Tuesday 24 November 2026, 10:00 in Paris: billing and support are open. */
export const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
/** Sunday 29 November 2026, 12:00 in Paris: every team is closed. */
export const SUNDAY_NOON_PARIS = Date.UTC(2026, 10, 29, 11, 0);

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

async function call<T>(socket: Socket, event: string, payload: object): Promise<T> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

async function post<T>(url: string, body: object): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A signed-in agent on the /agent socket, online, recording the chats assigned to them. */
export interface TestAgent {
  readonly socket: Socket;
  /** Conversation ids assigned to this agent, in order. */
  readonly assigned: string[];
  waitForAssigned(count: number): Promise<string>;
  send(conversationId: string, text: string): Promise<PresentedMessage>;
  call<T>(event: string, payload: object): Promise<T>;
  close(): void;
}

export async function onlineAgent(baton: Baton, email: string, password = "demo", cap?: number): Promise<TestAgent> {
  const { token } = await post<{ token: string }>(`${baton.url}/api/agent/login`, { email, password });
  const socket = io(`${baton.url}/agent`, { auth: { token }, transports: ["websocket"], reconnection: false });
  const assigned: string[] = [];
  socket.on("conversation:assigned", (p: { context: { conversation: { id: string } } }) => {
    if (!assigned.includes(p.context.conversation.id)) assigned.push(p.context.conversation.id);
  });
  await connected(socket);
  if (cap !== undefined) await call(socket, "cap:set", { cap });
  await call(socket, "presence:set", { presence: "online" });
  let n = 0;
  return {
    socket,
    assigned,
    async waitForAssigned(count) {
      await until(() => assigned.length >= count, `${email} to be assigned ${count} chat(s)`);
      return assigned[count - 1]!;
    },
    async send(conversationId, text) {
      const { message } = await call<{ message: PresentedMessage }>(socket, "message:send", { conversationId, clientMessageId: `agent-${++n}`, text });
      return message;
    },
    call: (event, payload) => call(socket, event, payload),
    close: () => void socket.close(),
  };
}

/** A visitor without a browser (to fill the queue): a session and the /visitor socket. */
export async function socketVisitor(baton: Baton, texts: readonly string[]): Promise<{ conversationId: string; close(): void }> {
  const s = await post<{ token: string; conversationId: string }>(`${baton.url}/api/visitor/session`, { locale: "en-US", timeZone: "Europe/Paris" });
  const socket = io(`${baton.url}/visitor`, { auth: { token: s.token }, transports: ["websocket"], reconnection: false });
  await connected(socket);
  let n = 0;
  for (const text of texts) await call(socket, "message:send", { clientMessageId: `filler-${++n}`, text });
  return { conversationId: s.conversationId, close: () => void socket.close() };
}

/** Polls `check` until it is true (for state reached through sockets). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The widget's parts (Playwright's CSS locators pierce its open shadow root). */
export const w = {
  launcher: "#baton-widget .launcher",
  panel: "#baton-widget .panel",
  input: "#baton-widget #baton-input",
  messages: "#baton-widget .messages",
  banner: "#baton-widget .banner.connection",
} as const;

/** Opens the demo page and the widget. */
export async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator(w.launcher).click();
  await page.locator(w.input).waitFor();
}

/** Types a message and sends it with Enter, as a visitor would. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator(w.input).fill(text);
  await page.locator(w.input).press("Enter");
}

/** Waits until the widget shows `count` messages by `author` (greeting excluded), and returns their texts. */
export async function waitForMessages(page: Page, author: PresentedMessage["author"], count: number): Promise<string[]> {
  const sel = `${w.messages} .msg.${author}:not(.greeting):not(.pending) .bubble`;
  await page.locator(sel).nth(count - 1).waitFor({ timeout: 15_000 });
  return page.locator(sel).allTextContents();
}

/** The conversation id the widget is on. */
export async function widgetConversationId(page: Page): Promise<string> {
  await page.locator(`${w.panel}[data-conversation]:not([data-conversation=""])`).waitFor({ state: "attached" });
  return (await page.locator(w.panel).getAttribute("data-conversation")) ?? "";
}

/** Saves a screenshot in screenshots/ (git-ignored). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
