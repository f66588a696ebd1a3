import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userHashFor } from "../../src/server/visitor-identity.js";
import { ChatClient } from "../../web/widget/chat-client.js";
import { memoryStorage } from "../../web/widget/storage.js";
import { startTestBaton, TEST_IDENTITY_SECRET } from "../e2e/harness.js";

/**
 * Issue 12: revocation on sign-out, for visitors. The widget's own client (web/widget/chat-client.ts)
 * runs here against a real Baton over HTTP and socket.io. When the site's user logs out
 * (`BatonWidget.signOut()`), or the site identifies someone else, the old session token and resume
 * token stop working on the server, and the next visitor at that browser never sees the previous
 * conversation. The server holds the same line without the widget: a resume token presented with
 * another customer's proof resumes nothing.
 */

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
const LENA = { email: "lena.vogel@example.de", userHash: userHashFor(TEST_IDENTITY_SECRET, "lena.vogel@example.de") };
const HIRO = { email: "hiro.tanaka@globex.example", userHash: userHashFor(TEST_IDENTITY_SECRET, "hiro.tanaka@globex.example") };

/** Whether the /visitor socket accepts `token`: "connected", or the server's refusal. */
function socketAccepts(url: string, token: string): Promise<string> {
  const socket = io(`${url}/visitor`, { auth: { token }, transports: ["websocket"], reconnection: false });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

async function sessionWith(url: string, body: Record<string, unknown>): Promise<{ conversationId: string; messages: { text: string }[] }> {
  const res = await fetch(`${url}/api/visitor/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as { conversationId: string; messages: { text: string }[] };
}

describe("issue 12: a visitor's sign-out revokes, through the widget's client", () => {
  let baton: Baton;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    baton = await startTestBaton();
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await baton?.close();
  });

  function widget(storage = memoryStorage()): { client: ChatClient; storage: ReturnType<typeof memoryStorage> } {
    let n = 0;
    const client = new ChatClient({
      origin: baton.url,
      storage,
      locale: "en-GB",
      timeZone: "Europe/Berlin",
      page: () => ({ url: "https://shop.example/account", title: "My account" }),
      connect: (origin, token) => io(`${origin}/visitor`, { auth: { token }, transports: ["websocket"] }),
      newId: () => `w-${Date.now()}-${++n}`,
    });
    clients.push(client);
    return { client, storage };
  }

  /** Lena, identified, has said something that was stored. */
  async function lenaChatting() {
    const w = widget();
    w.client.identify(LENA);
    w.client.send("Where is my order 4411?");
    await waitUntil(() => w.client.state.messages.some((m) => m.text === "Where is my order 4411?" && m.pending !== true));
    const token = w.storage.getItem("token") as string;
    const resumeToken = w.storage.getItem("resumeToken") as string;
    const conversationId = w.client.state.conversationId as string;
    expect(await socketAccepts(baton.url, token)).toBe("connected");
    return { ...w, token, resumeToken, conversationId };
  }

  it("BatonWidget.signOut(): the old session token and resume token no longer work, and the browser forgets them", async () => {
    const lena = await lenaChatting();
    await lena.client.signOut();
    expect(await socketAccepts(baton.url, lena.token)).toMatch(/signed out/);
    const resumed = await sessionWith(baton.url, { resumeToken: lena.resumeToken });
    expect(resumed.conversationId).not.toBe(lena.conversationId);
    expect(resumed.messages.map((m) => m.text)).not.toContain("Where is my order 4411?");
    for (const key of ["token", "resumeToken", "email", "identity"]) expect(lena.storage.getItem(key)).toBeNull();
    expect(lena.client.state.messages).toEqual([]);
    // Whoever uses the widget next starts afresh.
    lena.client.send("hello");
    await waitUntil(() => lena.client.state.conversationId !== null && lena.client.state.connection === "online");
    expect(lena.client.state.conversationId).not.toBe(lena.conversationId);
  });

  it("identifying someone else signs the previous visitor out first", async () => {
    const lena = await lenaChatting();
    lena.client.identify(HIRO);
    await waitUntil(() => lena.client.state.conversationId !== null && lena.client.state.conversationId !== lena.conversationId);
    expect(await socketAccepts(baton.url, lena.token)).toMatch(/signed out/);
    expect((await sessionWith(baton.url, { resumeToken: lena.resumeToken })).conversationId).not.toBe(lena.conversationId);
    expect(lena.client.state.messages.map((m) => m.text)).not.toContain("Where is my order 4411?");
    const hiros = await baton.store.conversations.getConversation(lena.client.state.conversationId as string);
    expect(hiros?.customerId).not.toBeNull();
    expect(hiros?.customerId).not.toBe((await baton.store.conversations.getConversation(lena.conversationId))?.customerId);
  });

  it("the same visitor identified again keeps their conversation", async () => {
    const lena = await lenaChatting();
    lena.client.identify(LENA);
    expect(await socketAccepts(baton.url, lena.token)).toBe("connected");
    expect(lena.client.state.conversationId).toBe(lena.conversationId);
  });

  it("without the widget's help: Lena's resume token with Hiro's proof resumes nothing", async () => {
    const lena = await lenaChatting();
    const hiro = await sessionWith(baton.url, { resumeToken: lena.resumeToken, ...HIRO });
    expect(hiro.conversationId).not.toBe(lena.conversationId);
    expect(hiro.messages.map((m) => m.text)).not.toContain("Where is my order 4411?");
  });
});

async function waitUntil(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
