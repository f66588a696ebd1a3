/**
 * Issue 16: bring your own bot. Real HTTP bot servers started here (a webhook bot and a
 * Rasa-REST-shaped one, both checking Baton's signature with the shipped bot SDK), a started Baton
 * whose widget keys pick them, and real sockets: the visitor converses with the external bot (the
 * built-in bot stays silent), quick replies go back as payloads, the bot hands off with fields and
 * the agent gets its turns, Baton's triggers still hand off unless the bot owner turned them off,
 * Rasa's confidence drives the confidence drop, and a bot that stops answering hands off with
 * `bot_unavailable` and leaves a dead letter.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { HandoffContextV1 } from "../../src/core/context/index.js";
import type { PresentedMessage } from "../../src/app/events.js";
import { startTestBaton, TEST_METRICS_TOKEN } from "../e2e/harness.js";
import { shippedConfigWithBots, startTestBot, type TestBot } from "./bot-servers.js";
import { agent, type VisitorClient, visitor } from "./clients.js";
import { emptyQueueAndDesks } from "./reset.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
const SECRET = "hook-secret-0123456789abcdef";
const RASA_SECRET = "rasa-secret-0123456789abcdef";
/** The unreachable bot's limits: 300 ms per attempt, 1 retry after 50 ms, unavailable after 2 failures. */
const DOWN = { timeoutMs: 300, retries: 1, backoffMs: 50, unavailableAfter: 2 };

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Msg = { author: string; text: string; buttons?: { title: string; payload: string }[] };
type Assigned = { context: HandoffContextV1 };

describe("issue 16: external bots converse through Baton", () => {
  let baton: Baton;
  let hook: TestBot;
  let rasa: TestBot;
  let down: TestBot;
  let dir: string;
  let adminToken: string;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    [hook, rasa, down] = await Promise.all([startTestBot(SECRET), startTestBot(RASA_SECRET), startTestBot(SECRET)]);
    down.answer = () => null;
    dir = mkdtempSync(join(tmpdir(), "baton-bots-"));
    const configPath = join(dir, "baton.yaml");
    writeFileSync(
      configPath,
      shippedConfigWithBots(`bots:
  default: builtin
  sites:
    shop-hook: hook
    shop-rasa: rasa
    shop-down: down
    shop-quiet: quiet
    shop-none: none
    shop-slow: slow
  external:
    - { id: hook, kind: webhook, url: "${hook.url}/bot", secret: ${SECRET}, timeoutMs: 3000 }
    - { id: rasa, kind: rasa, url: "${rasa.url}", secret: ${RASA_SECRET}, parseIntent: true }
    - { id: down, kind: webhook, url: "${down.url}/bot", secret: ${SECRET}, timeoutMs: ${DOWN.timeoutMs}, retries: ${DOWN.retries}, backoffMs: ${DOWN.backoffMs}, unavailableAfter: ${DOWN.unavailableAfter} }
    - { id: slow, kind: webhook, url: "${hook.url}/slow", secret: ${SECRET}, timeoutMs: 60000 }
    - id: quiet
      kind: webhook
      url: "${hook.url}/quiet"
      secret: ${SECRET}
      triggers: { keyword: false, explicit_request: false }
`),
    );
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS), configPath, env: { BATON_HOURS: "always-open" } });
    const login = await fetch(`${baton.url}/api/agent/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@demo.baton", password: "admin" }),
    });
    adminToken = ((await login.json()) as { token: string }).token;
  }, 60_000);
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    hook.answer = () => ({ status: 204 });
    rasa.answer = () => ({ body: [] });
    await emptyQueueAndDesks(baton);
  });
  afterAll(async () => {
    await baton?.close();
    await Promise.all([hook?.close(), rasa?.close(), down?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const botTexts = (v: VisitorClient) => v.events.filter((e) => e.event === "message" && (e.payload as Msg).author === "bot").map((e) => (e.payload as Msg).text);
  const handoffs = (v: VisitorClient) => baton.store.conversations.listHandoffs(v.conversationId);

  it("the webhook bot gets each visitor message, signed, with the conversation, page, language and fields, and answers inline with quick replies", async () => {
    hook.answer = (r) => {
      const text = (r.body.message as { text: string; payload: string | null }).text;
      if (text.startsWith("Where")) {
        return { body: { messages: [{ text: "Order 4417 ships tomorrow.", buttons: [{ title: "Thanks!", payload: "/thanks" }, { title: "Change address", payload: "/change_address" }] }], intent: "order_status", confidence: 0.91 } };
      }
      return { body: { messages: [{ text: "You're welcome!" }], intent: "thanks", confidence: 0.97 } };
    };
    const v = track(await visitor(baton.url, { site: "shop-hook" }));
    const asked = hook.next((r) => r.path === "/bot");
    expect((await v.say("Where is my order 4417?")).ok).toBe(true);
    const delivery = await asked;
    expect(delivery.verified).toBe(true);
    expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(delivery.body).toMatchObject({
      event: "visitor_message",
      bot: "hook",
      conversationId: v.conversationId,
      message: { text: "Where is my order 4417?", payload: null },
      page: { url: "https://shop.example/billing", title: "Billing help" },
      language: "en",
    });
    expect(delivery.body.visitor).toMatchObject({ customerId: null });
    expect(typeof delivery.body.fields).toBe("object");

    const answer = await v.waitFor<Msg>("message", (m) => m.author === "bot");
    expect(answer.text).toBe("Order 4417 ships tomorrow.");
    expect(answer.buttons).toEqual([
      { title: "Thanks!", payload: "/thanks" },
      { title: "Change address", payload: "/change_address" },
    ]);

    // A click sends the payload to the bot; the visitor's transcript shows the title.
    const clicked = hook.next((r) => (r.body.message as { payload: string | null }).payload === "/thanks");
    expect((await v.call("message:send", { clientMessageId: "click-1", text: "Thanks!", payload: "/thanks" })).ok).toBe(true);
    expect(((await clicked).body.message as { text: string }).text).toBe("Thanks!");
    await v.waitFor<Msg>("message", (m) => m.author === "bot" && m.text === "You're welcome!");
    // Only the external bot answered: the built-in bot stayed silent.
    expect(botTexts(v)).toEqual(["Order 4417 ships tomorrow.", "You're welcome!"]);
    const stored = await baton.store.conversations.listMessages(v.conversationId);
    const botTurn = stored.find((m) => m.author === "bot");
    expect(botTurn?.nlu).toMatchObject({ intent: "order_status", confidence: 0.91 });
    expect(botTurn?.buttons?.map((b) => b.payload)).toEqual(["/thanks", "/change_address"]);
    expect(stored.find((m) => m.clientMessageId === "click-1")?.payload).toBe("/thanks");
    expect(await handoffs(v)).toEqual([]);
  });

  it("a payload the bot did not offer is refused with a clear error, and nothing is stored", async () => {
    hook.answer = () => ({ body: { messages: [{ text: "Pick one", buttons: [{ title: "Yes", payload: "/yes" }] }] } });
    const v = track(await visitor(baton.url, { site: "shop-hook" }));
    expect((await v.say("Can you help me with my order?")).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "bot");
    const ack = await v.call("message:send", { clientMessageId: "forged-1", text: "Yes", payload: "/restart_everything" });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe("invalid_input");
    const stored = await baton.store.conversations.listMessages(v.conversationId);
    expect(stored.some((m) => m.clientMessageId === "forged-1")).toBe(false);
  });

  it("the visitor's ack never waits for the bot: it comes while the bot still holds the request", async () => {
    hook.answer = (r) => (r.path === "/slow" ? null : { status: 204 });
    const v = track(await visitor(baton.url, { site: "shop-slow" }));
    const held = hook.next((r) => r.path === "/slow" && r.body.conversationId === v.conversationId);
    // The bot never answers this one until released: an ack that waited for it would never come.
    expect((await v.say("Hello, anybody home?")).ok).toBe(true);
    await held;
    expect(await handoffs(v)).toEqual([]);
    hook.release();
  });

  it("the bot answers later through the Bot API instead of inline", async () => {
    hook.answer = () => ({ status: 202 });
    const v = track(await visitor(baton.url, { site: "shop-hook" }));
    const asked = hook.next();
    expect((await v.say("Do you ship to Norway?")).ok).toBe(true);
    const { body } = await asked;
    // turnsUrl is on server.publicUrl (localhost:3000 in the shipped config); this Baton listens elsewhere.
    expect(body.turnsUrl).toBe(`http://localhost:3000/api/bot/conversations/${v.conversationId}/turns`);
    const res = await fetch(`${baton.url}${new URL(body.turnsUrl as string).pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${baton.botApiKey}` },
      body: JSON.stringify({ text: "", buttons: [{ title: "Yes, we do", payload: "/shipping_yes" }], intent: "shipping", confidence: 0.8 }),
    });
    expect(res.status).toBe(200);
    const m = await v.waitFor<Msg>("message", (x) => x.author === "bot");
    // Buttons without a text: their titles are the text fallback.
    expect(m.text).toBe("Yes, we do");
    expect(m.buttons).toEqual([{ title: "Yes, we do", payload: "/shipping_yes" }]);
  });

  it("Rasa REST: the visitor converses, Rasa's custom handoff carries fields, and the agent gets the context with the bot's turns", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    rasa.answer = (r) => {
      if (r.path === "/model/parse") return { body: { intent: { name: "dispute", confidence: 0.93 } } };
      const message = r.body.message as string;
      if (message === "hi there") return { body: [{ recipient_id: r.body.sender, text: "Hello! What can I do for you?", buttons: [{ title: "Billing", payload: "/billing" }] }] };
      return {
        body: [
          { recipient_id: r.body.sender, text: "Let me get a colleague who can look at that charge." },
          { recipient_id: r.body.sender, custom: { handoff: { reason: "customer disputes a charge", topic: "billing", fields: { invoice_number: "INV-2041", amount: 42 } } } },
        ],
      };
    };
    const v = track(await visitor(baton.url, { site: "shop-rasa" }));
    const first = rasa.next((r) => r.path === "/webhooks/rest/webhook");
    expect((await v.say("hi there")).ok).toBe(true);
    const rest = await first;
    expect(rest.verified).toBe(true);
    expect(rest.body).toMatchObject({ sender: v.conversationId, message: "hi there" });
    expect((rest.body.metadata as { conversationId: string }).conversationId).toBe(v.conversationId);
    await v.waitFor<Msg>("message", (m) => m.author === "bot" && m.text === "Hello! What can I do for you?");

    expect((await v.call("message:send", { clientMessageId: "rasa-click", text: "Billing", payload: "/billing" })).ok).toBe(true);
    const { context } = await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    expect(context.trigger.kind).toBe("bot_api");
    expect(context.trigger.reason).toContain("customer disputes a charge");
    expect(context.fields.map((f) => [f.name, f.value])).toEqual(expect.arrayContaining([["invoice_number", "INV-2041"], ["amount", "42"]]));
    const botTurns = context.transcript.filter((t) => t.author === "bot");
    expect(botTurns.map((t) => t.text)).toEqual(["Hello! What can I do for you?", "Let me get a colleague who can look at that charge."]);
    expect(botTurns[0]?.nlu).toMatchObject({ intent: "dispute", confidence: 0.93 });
    expect(botTurns[0]?.buttons).toEqual([{ title: "Billing", payload: "/billing" }]);
    // Rasa got the button's payload, not its title.
    expect(rasa.received.some((r) => r.path === "/webhooks/rest/webhook" && r.body.message === "/billing")).toBe(true);
    // The click is marked for the agent (a flag: the payload itself stays between the widget and the bot).
    const visitorTurns = context.transcript.filter((t) => t.author === "visitor");
    expect(visitorTurns.map((t) => [t.text, t.quickReply ?? false])).toEqual([
      ["hi there", false],
      ["Billing", true],
    ]);
    // conversation:open (the console's preview and reload) loads the same transcript.
    const opened = await maria.call("conversation:open", { conversationId: v.conversationId });
    if (!opened.ok) throw new Error(opened.error.message);
    const reopened = (opened.data as HandoffContextV1).transcript;
    expect(reopened.find((t) => t.author === "bot")).toMatchObject({ buttons: [{ title: "Billing", payload: "/billing" }], nlu: { intent: "dispute", confidence: 0.93 } });
    expect(reopened.find((t) => t.text === "Billing")?.quickReply).toBe(true);
    // Live messages reach the agent with what the NLU read; the visitor's own frames never carry it.
    expect((await v.say("It was charged twice")).ok).toBe(true);
    const live = await maria.waitFor<PresentedMessage>("message", (m) => m.conversationId === v.conversationId && m.text === "It was charged twice");
    expect(live.nlu).toMatchObject({ intent: expect.any(String), confidence: expect.any(Number) });
    expect(live.quickReply).toBeUndefined();
    const toVisitor = v.events.filter((e) => e.event === "message").map((e) => e.payload as PresentedMessage);
    expect(toVisitor.length).toBeGreaterThan(2);
    expect(toVisitor.filter((m) => m.nlu !== undefined || m.quickReply !== undefined)).toEqual([]);
  });

  it("Rasa's own low confidence (from /model/parse) on two turns in a row hands off on the confidence drop", async () => {
    rasa.answer = (r) => {
      if (r.path === "/model/parse") return { body: { intent: { name: "nlu_fallback", confidence: 0.21 } } };
      return { body: [{ recipient_id: r.body.sender, text: "Sorry, I did not get that." }] };
    };
    const v = track(await visitor(baton.url, { site: "shop-rasa" }));
    expect((await v.say("what about the blue plan")).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "bot");
    expect(await handoffs(v)).toEqual([]);
    expect((await v.say("does it come with stickers")).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "system");
    const [h] = await handoffs(v);
    expect(h?.trigger.kind).toBe("confidence_drop");
    expect(Object.values(h?.trigger.evidence.scores ?? {})).toEqual([0.21, 0.21]);
  });

  it("Baton's own triggers stay on for an external bot: an explicit request hands off before the bot sees it", async () => {
    const v = track(await visitor(baton.url, { site: "shop-hook" }));
    const before = hook.received.length;
    expect((await v.say("I want to talk to a human please")).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "system");
    const [h] = await handoffs(v);
    expect(h?.trigger.kind).toBe("explicit_request");
    expect(hook.received.slice(before).filter((r) => (r.body.conversationId as string) === v.conversationId)).toEqual([]);
  });

  it("a bot owner who turned the keyword and explicit-request triggers off keeps those chats", async () => {
    hook.answer = () => ({ body: { messages: [{ text: "I can do the refund right here." }], intent: "refund", confidence: 0.95 } });
    const v = track(await visitor(baton.url, { site: "shop-quiet" }));
    expect((await v.say("I want a refund, get me a human")).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "bot" && m.text === "I can do the refund right here.");
    expect(hook.received.some((r) => r.path === "/quiet" && r.body.conversationId === v.conversationId)).toBe(true);
    expect(await handoffs(v)).toEqual([]);
  });

  it("a site without a bot goes straight to the handoff rules", async () => {
    const v = track(await visitor(baton.url, { site: "shop-none" }));
    expect((await v.say("Hello, a question about my invoice")).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "system");
    const [h] = await handoffs(v);
    expect(h?.trigger.kind).toBe("bot_unavailable");
    expect(botTexts(v)).toEqual([]);
  });

  it("a bot that stops answering hands off with bot_unavailable within its configured time, and the message is a dead letter", async () => {
    const v = track(await visitor(baton.url, { site: "shop-down" }));
    expect((await v.say("Is anyone there?")).ok).toBe(true);
    // The bound the config sets: 2 attempts of 300 ms and one 50 ms backoff; a second of slack for a busy machine.
    const bound = DOWN.timeoutMs * DOWN.unavailableAfter + DOWN.backoffMs + 1000;
    await v.waitFor<Msg>("message", (m) => m.author === "system", bound);
    const [h] = await handoffs(v);
    expect(h?.trigger.kind).toBe("bot_unavailable");
    expect(h?.trigger.evidence.scores).toEqual({ failures: 2 });
    expect(down.received.filter((r) => r.body.conversationId === v.conversationId)).toHaveLength(2);

    const res = await fetch(`${baton.url}/api/admin/bots/dead-letters?bot=down`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.status).toBe(200);
    const letters = (await res.json()) as { conversationId: string; attempts: number; error: string; payload: { message: { text: string } } }[];
    const mine = letters.find((l) => l.conversationId === v.conversationId);
    expect(mine).toMatchObject({ attempts: 2, payload: { message: { text: "Is anyone there?" } } });
    expect(mine?.error).toContain("300 ms");
    const metrics = await (await fetch(`${baton.url}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('baton_bot_delivery_attempts_total{bot="down",outcome="failed"} 2');
  });

  it("a tampered delivery is refused by the bot SDK's signature check", async () => {
    const v = track(await visitor(baton.url, { site: "shop-hook" }));
    const asked = hook.next((r) => r.body.conversationId === v.conversationId);
    expect((await v.say("What are your opening hours?")).ok).toBe(true);
    const genuine = await asked;
    expect(genuine.verified).toBe(true);
    const replay = (raw: string) =>
      fetch(`${hook.url}/bot`, { method: "POST", headers: { "content-type": "application/json", "x-baton-signature": genuine.signature ?? "" }, body: raw });
    expect((await replay(genuine.raw.replace("opening hours", "refund policy"))).status).toBe(401);
    expect((await replay(genuine.raw)).status).not.toBe(401);
  });

  it("the admin sets a widget key's bot; new conversations from that key get it", async () => {
    const put = await fetch(`${baton.url}/api/admin/bots/sites`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ site: "shop-new", bot: "hook" }),
    });
    expect(put.status).toBe(200);
    const bad = await fetch(`${baton.url}/api/admin/bots/sites`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ site: "shop-new", bot: "no-such-bot" }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { message: string }).message).toContain("unknown bot");
    const v = track(await visitor(baton.url, { site: "shop-new" }));
    expect((await baton.store.conversations.getConversation(v.conversationId))?.bot).toBe("hook");
  });

  it("the seam report splits the handoffs by bot: the built-in bot and each external bot", async () => {
    const builtin = track(await visitor(baton.url));
    expect((await builtin.say("I want to talk to a human please")).ok).toBe(true);
    await builtin.waitFor<Msg>("message", (m) => m.author === "system");
    const res = await fetch(`${baton.url}/api/metrics/seam?from=0`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { handoffCount: number; byBot: { bot: string; handoffCount: number; triggers: { kind: string; count: number }[] }[] };
    const byBot = Object.fromEntries(report.byBot.map((b) => [b.bot, b]));
    expect(report.byBot.map((b) => b.bot)).toEqual(["builtin", "none", "down", "hook", "rasa"]);
    expect(byBot.rasa?.triggers).toEqual([
      { kind: "confidence_drop", count: 1 },
      { kind: "bot_api", count: 1 },
    ]);
    expect(byBot.down?.triggers).toEqual([{ kind: "bot_unavailable", count: 1 }]);
    expect(byBot.builtin?.triggers).toEqual([{ kind: "explicit_request", count: 1 }]);
    expect(report.byBot.reduce((n, b) => n + b.handoffCount, 0)).toBe(report.handoffCount);
  });

  it("OpenAPI documents the delivery, the inline answer and the signature, with examples", async () => {
    const spec = (await (await fetch(`${baton.url}/docs/json`)).json()) as {
      components: { schemas: Record<string, { description: string; example: Record<string, unknown>; properties: Record<string, unknown> }> };
      paths: Record<string, unknown>;
    };
    const delivery = spec.components.schemas.BotDelivery;
    expect(delivery?.description).toContain("x-baton-signature: t=<unix seconds>,v1=");
    expect(Object.keys(delivery?.properties ?? {})).toEqual(expect.arrayContaining(["conversationId", "message", "visitor", "page", "language", "fields"]));
    expect(delivery?.example.event).toBe("visitor_message");
    expect(spec.components.schemas.BotAnswer?.example).toHaveProperty("messages");
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/admin/bots", "/api/admin/bots/sites", "/api/admin/bots/dead-letters"]));
  });
});
