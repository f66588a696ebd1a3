import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { HandoffContextV1 } from "../../src/core/context/index.js";
import { startBaton } from "../../src/server/baton.js";
import { silentLogger, startTestBaton, TEST_METRICS_TOKEN } from "../e2e/harness.js";
import { agent, identifiedAs, type VisitorClient, visitor } from "./clients.js";
import { emptyQueueAndDesks } from "./reset.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Assigned = { context: HandoffContextV1 };

describe("the handoff over real sockets", () => {
  let baton: Baton;
  let clock: FakeClock;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    clock = new FakeClock(TUESDAY_10_PARIS);
    baton = await startTestBaton({ clock });
  }, 60_000);
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    // Each test starts from an empty queue and everyone offline.
    await emptyQueueAndDesks(baton);
  });
  afterAll(async () => {
    await baton?.close();
  });

  it("a visitor asks for a human: the best billing agent gets the whole context", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const tom = track(await agent(baton.url, "tom@demo.baton"));
    const v = track(await visitor(baton.url, identifiedAs("carlos.perez@example.mx")));
    expect((await v.say("Hello")).ok).toBe(true);
    await v.waitFor("message", (m: { author: string }) => m.author === "bot");
    expect((await v.say("I have a question about invoice INV-2041")).ok).toBe(true);
    expect((await v.say("Can I talk to a person please?")).ok).toBe(true);
    const { context } = await maria.waitFor<Assigned>("conversation:assigned");
    expect(context.conversation.id).toBe(v.conversationId);
    expect(context.trigger.kind).toBe("explicit_request");
    expect(context.ruleId).toBe("billing");
    expect(context.customer?.name).toBe("Carlos Pérez");
    expect(context.conversation.page).toEqual({ url: "https://shop.example/billing", title: "Billing help" });
    expect(context.fields.map((f) => [f.name, f.value])).toContainEqual(["invoice_number", "INV-2041"]);
    expect(context.transcript.some((t) => t.author === "bot")).toBe(true);
    expect(context.transcript.filter((t) => t.author === "visitor").map((t) => t.text)).toContain("I have a question about invoice INV-2041");
    expect(context.doNotAsk.map((d) => d.field)).toContain("invoice_number");
    expect(tom.events.some((e) => e.event === "conversation:assigned")).toBe(false);
    await v.waitFor("message", (m: { author: string; text: string }) => m.author === "system" && m.text.includes("María García"));
    // The first human message is recorded and reaches the visitor.
    const sent = await maria.call("message:send", { conversationId: v.conversationId, clientMessageId: "a1", text: "Hi Carlos, I see the double charge." });
    expect(sent.ok).toBe(true);
    await v.waitFor("message", (m: { author: string }) => m.author === "agent");
    const [h] = await baton.store.conversations.listHandoffs(v.conversationId);
    expect(h?.firstHumanAt).toBe(TUESDAY_10_PARIS);
  });

  it("a Spanish-speaking visitor is told in Spanish who joined", async () => {
    // A Spanish billing chat goes to the Spanish-speaking billing agent (issue 10: language is a constraint inside the topic).
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const v = track(await visitor(baton.url, { locale: "es-ES" }));
    await v.say("Quiero hablar con una persona sobre mi factura, por favor");
    const { context } = await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    expect(context.ruleId).toBe("billing");
    await v.waitFor("message", (m: { author: string; text: string }) => m.author === "system" && m.text === "Te estamos conectando con una persona que pueda ayudarte…");
    await v.waitFor("message", (m: { author: string; text: string }) => m.author === "system" && m.text === "María García de Billing se ha unido al chat.");
    expect(context.conversation.language).toBe("es");
  });

  it("a fourth chat waits for an agent capped at 3, with an honest wait, and gets her when a slot frees", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const visitors: VisitorClient[] = [];
    for (let i = 0; i < 4; i++) {
      const v = track(await visitor(baton.url));
      await v.say("I need help with a refund on my invoice, please get me a human");
      visitors.push(v);
    }
    const fourth = visitors[3] as VisitorClient;
    const status = await fourth.waitFor<{ state: string; wait: { position: number; bucket: string } | null }>(
      "status",
      (s) => s.state === "queued",
    );
    expect(status.wait?.position).toBe(1);
    expect(status.wait?.bucket).toMatch(/minute/);
    expect(baton.engine.router.agent("maria")?.active).toHaveLength(3);
    const first = visitors[0] as VisitorClient;
    expect((await maria.call("resolve", { conversationId: first.conversationId })).ok).toBe(true);
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === fourth.conversationId);
    expect(baton.engine.router.agent("maria")?.active).toHaveLength(3);
  });

  it("a VIP jumps the queue", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    expect((await maria.call("cap:set", { cap: 1 })).ok).toBe(true);
    const a = track(await visitor(baton.url));
    await a.say("Please let me talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === a.conversationId);
    const b = track(await visitor(baton.url));
    await b.say("Please let me talk to a human about my invoice");
    clock.advance(1000);
    const vip = track(await visitor(baton.url, identifiedAs("lena.vogel@example.de")));
    await vip.say("Hello, I have a billing question");
    expect(baton.engine.router.snapshot().queue.map((q) => q.request.conversationId)).toEqual([vip.conversationId, b.conversationId]);
    await maria.call("resolve", { conversationId: a.conversationId });
    const next = await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id !== a.conversationId);
    expect(next.context.conversation.id).toBe(vip.conversationId);
    expect(next.context.trigger.kind).toBe("high_value");
    await maria.call("cap:set", { cap: 3 });
  });

  it("a transfer keeps the context and shows the note and the earlier handoff", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const v = track(await visitor(baton.url));
    await v.say("My invoice INV-7 is wrong, I want a human");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    const tom = track(await agent(baton.url, "tom@demo.baton"));
    const bad = await maria.call("transfer", { conversationId: v.conversationId, to: { agentId: "tom" }, note: "  " });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", path: "note" } });
    const ok = await maria.call("transfer", { conversationId: v.conversationId, to: { agentId: "tom" }, note: "Customer verified, needs a refund" });
    expect(ok.ok).toBe(true);
    const { context } = await tom.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    expect(context.trigger.kind).toBe("agent_transfer");
    expect(context.handoffs.map((h) => h.note)).toContain("Customer verified, needs a refund");
    expect(context.handoffs.length).toBe(2);
    expect(context.fields.map((f) => f.value)).toContain("INV-7");
    await maria.waitFor("conversation:removed", (p: { conversationId: string }) => p.conversationId === v.conversationId);
    expect(baton.engine.router.agentOf(v.conversationId)).toBe("tom");
  });

  it("a retried message is stored once; malformed frames and bodies get clear errors and change nothing", async () => {
    const v = track(await visitor(baton.url));
    const first = await v.say("Where is my order A-12345?", "same-id");
    const again = await v.say("Where is my order A-12345?", "same-id");
    expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(again).toMatchObject({ ok: true, data: { duplicate: true } });
    const before = await baton.store.conversations.listMessages(v.conversationId);
    expect(before.filter((m) => m.author === "visitor")).toHaveLength(1);
    expect(await v.call("message:send", { text: "no id" })).toMatchObject({ ok: false, error: { code: "invalid_input", path: "clientMessageId" } });
    expect(await v.call("message:send", { clientMessageId: "x", text: "   " })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await v.call("csat:submit", { score: 9 })).toMatchObject({ ok: false, error: { code: "invalid_input", path: "score" } });
    expect(await v.call("csat:submit", { score: 5 })).toMatchObject({ ok: false, error: { code: "invalid_transition" } });
    expect(await baton.store.conversations.listMessages(v.conversationId)).toHaveLength(before.length);
    const res = await fetch(`${baton.url}/api/visitor/session`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"email": 3}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid_input", path: "email" });
    const broken = await fetch(`${baton.url}/api/visitor/session`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(broken.status).toBe(400);
    const login = await fetch(`${baton.url}/api/agent/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "maria@demo.baton", password: "wrong" }) });
    expect(login.status).toBe(401);
  });

  it("the seam report is for admins: an agent's token is refused, an admin's is served", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton", "demo", "offline"));
    const admin = track(await agent(baton.url, "admin@demo.baton", "admin", "offline"));
    for (const path of ["/api/metrics/seam", "/api/metrics/seam.csv"]) {
      const refused = await fetch(`${baton.url}${path}`, { headers: { authorization: `Bearer ${maria.token}` } });
      expect(refused.status).toBe(403);
      const served = await fetch(`${baton.url}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(served.status).toBe(200);
    }
  });

  it("Prometheus metrics count decisions, queue depth and message latency", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    await maria.call("cap:set", { cap: 0 });
    const v = track(await visitor(baton.url));
    await v.say("Please get me a human about my invoice");
    const text = await (await fetch(`${baton.url}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();
    await maria.call("cap:set", { cap: 3 });
    expect(text).toMatch(/baton_visitor_message_seconds_count \d+/);
    expect(Number(/baton_visitor_message_seconds_count (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/baton_queue_depth\{rule="billing"\} 1/);
    expect(text).toMatch(/baton_routing_decisions_total\{kind="queued"\} \d+/);
    expect(text).toMatch(/baton_agents\{presence="online"\} 1/);
    expect(text).toMatch(/^baton_router_leader 1$/m);
  });

  it("the Bot API posts turns and hands off with the fields the external bot collected", async () => {
    const tom = track(await agent(baton.url, "tom@demo.baton"));
    const v = track(await visitor(baton.url));
    const auth = { authorization: `Bearer ${baton.botApiKey}`, "content-type": "application/json" };
    const turn = await fetch(`${baton.url}/api/bot/conversations/${v.conversationId}/turns`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ text: "Let me check that for you.", intent: "billing.dispute", confidence: 0.41 }),
    });
    expect(turn.status).toBe(200);
    const unauth = await fetch(`${baton.url}/api/bot/conversations/${v.conversationId}/handoff`, { method: "POST", body: "{}" });
    expect(unauth.status).toBe(401);
    const res = await fetch(`${baton.url}/api/bot/conversations/${v.conversationId}/handoff`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ reason: "customer disputes a charge", topic: "billing", fields: { invoice_number: "INV-9" } }),
    });
    expect(res.status).toBe(200);
    const { context } = await tom.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    expect(context.trigger.kind).toBe("bot_api");
    expect(context.fields).toContainEqual(expect.objectContaining({ name: "invoice_number", value: "INV-9", source: { kind: "bot_api" } }));
  });
});

describe("after hours and restarts", () => {
  it("after hours goes to the async inbox with the next business open, and the reply is e-mailed and shown", async () => {
    // Sunday 29 Nov 2026, 15:00 Paris: every team is closed.
    const clock = new FakeClock(Date.UTC(2026, 10, 29, 14, 0));
    const sent: { to: string; subject: string; text: string }[] = [];
    const baton = await startTestBaton({ clock, mailer: {
        send: async (m) => {
          sent.push(m);
          return { messageId: `m${sent.length}` };
        },
      },
    });
    try {
      const v = await visitor(baton.url, { timeZone: "Europe/Paris" });
      await v.say("I want to talk to a human about my invoice");
      const status = await v.waitFor<{ state: string; async: { mode: string; promisedBy: number; promisedText: string } | null }>(
        "status",
        (s) => s.state === "async",
      );
      // The support team opens Monday 08:00 in Paris = 07:00 UTC.
      expect(status.async).toMatchObject({ mode: "forced", promisedBy: Date.UTC(2026, 10, 30, 7, 0) });
      expect(status.async?.promisedText).toMatch(/Monday/);
      const left = await v.call<{ id: string }>("async:leave", { name: "Ada", email: "ada@example.com", text: "Please call me back" });
      expect(left.ok).toBe(true);
      const [item] = await baton.store.conversations.listInbox({});
      expect(item).toMatchObject({ email: "ada@example.com", promisedBy: Date.UTC(2026, 10, 30, 7, 0), status: "open" });
      // The after-hours rule files it in the support team's inbox: Tom (billing and support) answers.
      const maria = await agent(baton.url, "tom@demo.baton", "demo", "offline");
      expect((await maria.call("inbox:reply", { itemId: item?.id, text: "We refunded you." })).ok).toBe(true);
      expect(sent).toEqual([expect.objectContaining({ to: "ada@example.com", text: expect.stringContaining("We refunded you.") })]);
      await v.waitFor("inbox:reply", (r: { text: string }) => r.text === "We refunded you.");
      v.close();
      maria.close();
    } finally {
      await baton.close();
    }
  }, 60_000);

  it("a restart in the middle loses no message and no queued chat", async () => {
    const clock = new FakeClock(TUESDAY_10_PARIS);
    const dir = mkdtempSync(join(tmpdir(), "baton-restart-"));
    const options = { clock, port: 0, host: "127.0.0.1", storageUrl: `sqlite:${join(dir, "baton.db")}`, webRoot: null, nlu: { eldSize: "extrasmall" as const }, logger: silentLogger, env: {} };
    const first = await startBaton(options);
    const maria = await agent(first.url, "maria@demo.baton");
    await maria.call("cap:set", { cap: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const v = await visitor(first.url);
      await v.say(`I need a human for my invoice problem number ${i}`);
      ids.push(v.conversationId);
      v.close();
    }
    const messages = await Promise.all(ids.map((id) => first.store.conversations.listMessages(id)));
    const queued = first.engine.router.snapshot().queue.map((q) => q.request.conversationId);
    expect(queued).toHaveLength(2);
    maria.close();
    await first.close();
    const second = await startBaton({ ...options, seedPath: null });
    try {
      expect(second.engine.router.snapshot().queue.map((q) => q.request.conversationId)).toEqual(queued);
      expect(second.engine.router.agent("maria")?.active).toEqual([ids[0]]);
      for (const [i, id] of ids.entries()) expect(await second.store.conversations.listMessages(id)).toEqual(messages[i]);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("offer mode", () => {
  it("offers the chat, a decline moves it to the next agent, an accept assigns it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-offers-"));
    const configPath = join(dir, "baton.yaml");
    writeFileSync(configPath, readFileSync("config/baton.yaml", "utf8").replace(/offers:\n(\s+)enabled: false/, "offers:\n$1enabled: true"));
    const clock = new FakeClock(TUESDAY_10_PARIS);
    const baton = await startTestBaton({ clock, configPath });
    try {
      expect(baton.engine.router.options.offers.enabled).toBe(true);
      const maria = await agent(baton.url, "maria@demo.baton");
      const tom = await agent(baton.url, "tom@demo.baton");
      const v = await visitor(baton.url);
      await v.say("I want to talk to a human about my invoice");
      type Offered = { context: HandoffContextV1; expiresAt: number };
      const offer = await maria.waitFor<Offered>("conversation:offered", (p) => p.context.conversation.id === v.conversationId);
      expect(offer.expiresAt).toBe(TUESDAY_10_PARIS + 30_000);
      expect((await baton.store.conversations.getConversation(v.conversationId))?.state).toBe("offered");
      expect((await maria.call("offer:decline", { conversationId: v.conversationId })).ok).toBe(true);
      await tom.waitFor<Offered>("conversation:offered", (p) => p.context.conversation.id === v.conversationId);
      expect(await maria.call("offer:accept", { conversationId: v.conversationId })).toMatchObject({ ok: false, error: { code: "offer_not_found" } });
      expect((await tom.call("offer:accept", { conversationId: v.conversationId })).ok).toBe(true);
      await tom.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
      const c = await baton.store.conversations.getConversation(v.conversationId);
      expect(c).toMatchObject({ state: "assigned", assignedAgentId: "tom" });
      await v.waitFor("message", (m: { author: string; text: string }) => m.author === "system" && m.text.includes("Tom Becker"));
      // An offer nobody answers times out (the scheduler ticks the router) and goes on.
      const v2 = await visitor(baton.url);
      await v2.say("I want to talk to a human about my invoice");
      await maria.waitFor<Offered>("conversation:offered", (p) => p.context.conversation.id === v2.conversationId);
      clock.advance(31_000);
      await maria.waitFor("conversation:removed", (p: { conversationId: string; reason: string }) => p.conversationId === v2.conversationId && p.reason === "offer_timeout");
      await tom.waitFor<Offered>("conversation:offered", (p) => p.context.conversation.id === v2.conversationId);
      for (const s of [maria, tom, v, v2]) s.close();
    } finally {
      await baton.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("visitors who leave the queue", () => {
  it("a queued chat leaves the queue when the visitor is gone past the grace time, not when they come back in time", async () => {
    const clock = new FakeClock(TUESDAY_10_PARIS);
    const baton = await startTestBaton({ clock, abandonAfterMs: 300 });
    try {
      const maria = await agent(baton.url, "maria@demo.baton");
      await maria.call("cap:set", { cap: 0 });
      const gone = await visitor(baton.url);
      await gone.say("I want to talk to a human about my invoice");
      const back = await visitor(baton.url);
      await back.say("I want to talk to a human about my invoice too");
      expect(baton.engine.router.queueLength).toBe(2);
      gone.close();
      back.close();
      const again = io(`${baton.url}/visitor`, { auth: { token: back.token }, transports: ["websocket"], reconnection: false });
      await new Promise<void>((resolve) => again.once("connect", () => resolve()));
      await new Promise((r) => setTimeout(r, 900));
      expect(baton.engine.router.stateOf(gone.conversationId)).toBeNull();
      expect(baton.engine.router.stateOf(back.conversationId)).toBe("queued");
      const c = await baton.store.conversations.getConversation(gone.conversationId);
      expect(c?.state).toBe("resolved");
      const last = (await baton.store.conversations.listMessages(gone.conversationId)).at(-1);
      expect(last).toMatchObject({ author: "system", text: "The visitor left before anyone could join." });
      again.close();
      maria.close();
    } finally {
      await baton.close();
    }
  }, 60_000);
});
