import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { runDue } from "../../src/app/index.js";
import type { HandoffContextV1 } from "../../src/core/context/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { type AgentClient, agent, identifiedAs, type VisitorClient, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Status = {
  state: string;
  wait: { position: number; bucket: string; seconds: number } | null;
  async: { mode: string; promisedBy: number; promisedText: string } | null;
};
type Said = { author: string; text: string };
type Assigned = { context: HandoffContextV1 };

const system = (text: string) => (m: Said) => m.author === "system" && m.text === text;
const systemLike = (re: RegExp) => (m: Said) => m.author === "system" && re.test(m.text);
const systemTexts = (v: VisitorClient) =>
  v.events.filter((e) => e.event === "message" && (e.payload as Said).author === "system").map((e) => (e.payload as Said).text);
const statuses = (v: VisitorClient) => v.events.filter((e) => e.event === "status").map((e) => e.payload as Status);

const EN_NO_LIVE_OPTION = (when: string) =>
  `Nobody who can help with this is available right now. You can keep waiting here and the first person back will join you, or leave us a message with your e-mail and we will reply by ${when}.`;
const ES_NO_LIVE_OPTION = (when: string) =>
  `Ahora mismo no hay nadie disponible que pueda ayudarte con esto. Puedes seguir esperando aquí y la primera persona que vuelva te atenderá, o dejarnos un mensaje con tu correo y te responderemos antes del ${when}.`;

describe("issue 11: nobody waits on nobody", () => {
  let baton: Baton | undefined;
  let dir: string | undefined;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };
  const start = async (over: { offers?: boolean; offlineGraceMs?: number } = {}): Promise<{ baton: Baton; clock: FakeClock }> => {
    const clock = new FakeClock(TUESDAY_10_PARIS);
    let configPath: string | undefined;
    if (over.offers === true) {
      dir = mkdtempSync(join(tmpdir(), "baton-issue-11-"));
      configPath = join(dir, "baton.yaml");
      writeFileSync(configPath, readFileSync("config/baton.yaml", "utf8").replace(/offers:\n(\s+)enabled: false/, "offers:\n$1enabled: true"));
    }
    baton = await startTestBaton({ clock, offlineGraceMs: over.offlineGraceMs ?? 60_000, ...(configPath === undefined ? {} : { configPath }) });
    return { baton, clock };
  };
  /** Runs what the router has due now, as the scheduler would on its next beat. */
  const tick = (b: Baton) => b.engine.command(() => runDue(b.engine));

  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await baton?.close();
    baton = undefined;
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("María goes offline with 4 billing chats: each visitor is told she stepped away, then offered to leave a message with a stated time within 15 s", async () => {
    const { baton: b, clock } = await start();
    const maria = track(await agent(b.url, "maria@demo.baton"));
    const vs: VisitorClient[] = [];
    for (let i = 0; i < 4; i++) {
      const v = track(await visitor(b.url));
      await v.say("I need help with a refund on my invoice, please get me a human");
      vs.push(v);
    }
    expect(b.engine.router.agent("maria")?.active).toHaveLength(3);
    expect(b.engine.router.stateOf((vs[3] as VisitorClient).conversationId)).toBe("queued");
    expect((await maria.call("presence:set", { presence: "offline" })).ok).toBe(true);
    for (const v of vs.slice(0, 3)) await v.waitFor("message", system("Your agent had to step away."));
    // Nobody else could ever take these chats: no "connecting you with someone else".
    for (const v of vs) expect(systemTexts(v).some((t) => t.includes("connecting you with someone else"))).toBe(false);
    clock.advance(14_999);
    await tick(b);
    for (const v of vs) expect(systemTexts(v).some((t) => t.startsWith("Nobody who can help"))).toBe(false);
    clock.advance(1);
    await tick(b);
    for (const v of vs) {
      await v.waitFor("message", system(EN_NO_LIVE_OPTION("Tuesday 10:35 AM (Paris)")));
      const s = await v.waitFor<Status>("status", (p) => p.async !== null);
      expect(s).toMatchObject({ state: "queued", wait: null, async: { mode: "offer", promisedBy: Date.UTC(2026, 10, 24, 9, 35), promisedText: "Tuesday 10:35 AM (Paris)" } });
    }
    // The visitor may keep waiting; the chat is picked up when someone comes.
    const v0 = vs[0] as VisitorClient;
    expect((await v0.call("wait:choose", { choice: "wait" })).ok).toBe(true);
    const tom = track(await agent(b.url, "tom@demo.baton"));
    await tom.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v0.conversationId);
  }, 60_000);

  it("in Spanish: María closes her console, the grace runs out, and the visitor is offered a stated time in Spanish", async () => {
    // The console's grace is 300 ms here (60 s in production).
    const { baton: b, clock } = await start({ offlineGraceMs: 300 });
    const maria: AgentClient = await agent(b.url, "maria@demo.baton");
    const v = track(await visitor(b.url, { locale: "es-ES" }));
    await v.say("Quiero hablar con una persona sobre mi factura, por favor");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    maria.close();
    await v.waitFor("message", system("Tu agente ha tenido que ausentarse."));
    expect(b.engine.router.agent("maria")?.presence).toBe("offline");
    clock.advance(15_000);
    await tick(b);
    await v.waitFor("message", system(ES_NO_LIVE_OPTION("martes, 10:35 (Paris)")));
    const s = await v.waitFor<Status>("status", (p) => p.async !== null);
    expect(s.async).toMatchObject({ mode: "offer", promisedText: "martes, 10:35 (Paris)" });
    expect(systemTexts(v).join(" ")).not.toMatch(/lo antes posible/);
  }, 60_000);

  it("offers on: María and Tom decline and stay online and free; within 15 s the visitor is offered the async path", async () => {
    const { baton: b, clock } = await start({ offers: true });
    const maria = track(await agent(b.url, "maria@demo.baton"));
    const tom = track(await agent(b.url, "tom@demo.baton"));
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor("conversation:offered", (p: Assigned) => p.context.conversation.id === v.conversationId);
    expect((await maria.call("offer:decline", { conversationId: v.conversationId })).ok).toBe(true);
    await tom.waitFor("conversation:offered", (p: Assigned) => p.context.conversation.id === v.conversationId);
    clock.advance(1000);
    expect((await tom.call("offer:decline", { conversationId: v.conversationId })).ok).toBe(true);
    expect(b.engine.router.stateOf(v.conversationId)).toBe("queued");
    clock.advance(14_999);
    await tick(b);
    expect(systemTexts(v).some((t) => t.startsWith("Nobody who can help"))).toBe(false);
    clock.advance(1);
    await tick(b);
    await v.waitFor("message", system(EN_NO_LIVE_OPTION("Tuesday 10:35 AM (Paris)")));
    await v.waitFor<Status>("status", (p) => p.state === "queued" && p.async?.mode === "offer");
  }, 60_000);

  it("a chat only an escalation step can serve is told its wait from the start, and served at the step", async () => {
    const { baton: b, clock } = await start();
    // Claire is in general support with billing skills: the billing rule widens to support after 30 s.
    const claire = track(await agent(b.url, "claire@demo.baton"));
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    const s = await v.waitFor<Status>("status", (p) => p.state === "queued" && p.wait !== null);
    expect(s.wait).toMatchObject({ position: 1, seconds: 30, bucket: "under 1 minute" });
    expect(s.async).toBeNull();
    await v.waitFor("message", system("You are number 1 in the queue. Estimated wait: under 1 minute."));
    expect(statuses(v).filter((p) => p.state === "queued").every((p) => p.wait !== null)).toBe(true);
    clock.advance(30_000);
    await tick(b);
    await claire.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
  }, 60_000);

  it("the queue position counts a VIP chat ahead for the only agent who can take either", async () => {
    const { baton: b, clock } = await start();
    const maria = track(await agent(b.url, "maria@demo.baton"));
    expect((await maria.call("cap:set", { cap: 1 })).ok).toBe(true);
    const first = track(await visitor(b.url));
    await first.say("Please let me talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === first.conversationId);
    clock.advance(1000);
    const vip = track(await visitor(b.url, identifiedAs("lena.vogel@example.de")));
    await vip.say("Hello, I have a billing question");
    await vip.waitFor<Status>("status", (p) => p.state === "queued");
    clock.advance(1000);
    const standard = track(await visitor(b.url));
    await standard.say("Please let me talk to a human about my invoice");
    const s = await standard.waitFor<Status>("status", (p) => p.state === "queued" && p.wait !== null);
    expect(s.wait?.position).toBe(2);
    // Two chats ahead of a free slot of one: the long-wait offer, with a stated time.
    await standard.waitFor("message", systemLike(/^The wait is about 8 minutes right now\. .* by Tuesday 10:35 AM \(Paris\)\.$/));
    // The VIP is served: the standard chat moves up, and is told so.
    expect((await maria.call("resolve", { conversationId: first.conversationId })).ok).toBe(true);
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === vip.conversationId);
    await standard.waitFor<Status>("status", (p) => p.state === "queued" && p.wait?.position === 1);
  }, 60_000);

  it("nobody online while the team is open, and a long queue: every promise names a time, in English and Spanish", async () => {
    const { baton: b } = await start();
    const en = track(await visitor(b.url));
    await en.say("I want to talk to a human about my invoice");
    await en.waitFor(
      "message",
      system("Nobody who can help with this is available right now. Leave us a message with your e-mail and we will reply by Tuesday 10:30 AM (Paris)."),
    );
    const s = await en.waitFor<Status>("status", (p) => p.state === "async");
    expect(s.async).toMatchObject({ mode: "forced", promisedBy: Date.UTC(2026, 10, 24, 9, 30), promisedText: "Tuesday 10:30 AM (Paris)" });
    const es = track(await visitor(b.url, { locale: "es-ES" }));
    await es.say("Quiero hablar con una persona sobre mi factura, por favor");
    await es.waitFor(
      "message",
      system("Ahora mismo no hay nadie disponible que pueda ayudarte con esto. Déjanos un mensaje con tu correo y te responderemos antes del martes, 10:30 (Paris)."),
    );
    // The long-queue offer: María at cap 1 with one chat waiting ahead.
    const maria = track(await agent(b.url, "maria@demo.baton"));
    expect((await maria.call("cap:set", { cap: 1 })).ok).toBe(true);
    for (let i = 0; i < 2; i++) await track(await visitor(b.url)).say("Please get me a human about my invoice");
    const long = track(await visitor(b.url));
    await long.say("Please get me a human about my invoice");
    await long.waitFor(
      "message",
      system("The wait is about 8 minutes right now. You can keep waiting, or leave a message and we will reply by e-mail by Tuesday 10:30 AM (Paris)."),
    );
    const offer = await long.waitFor<Status>("status", (p) => p.async !== null);
    expect(offer.async).toMatchObject({ mode: "offer", promisedText: "Tuesday 10:30 AM (Paris)" });
    for (const v of [en, es, long]) expect(systemTexts(v).join(" ")).not.toMatch(/as soon as possible|lo antes posible/);
  }, 60_000);

  it("after the no-agent message, what the visitor types stays with the inbox, not the bot", async () => {
    const { baton: b } = await start();
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    await v.waitFor<Status>("status", (p) => p.state === "async");
    expect((await v.call("async:leave", { email: "ada@example.com", text: "Please refund INV-2041" })).ok).toBe(true);
    await v.say("My order number is A-12345");
    await new Promise((r) => setTimeout(r, 300));
    const messages = await b.store.conversations.listMessages(v.conversationId);
    expect(messages.filter((m) => m.author === "bot")).toEqual([]);
    expect((await b.store.conversations.getConversation(v.conversationId))?.state).toBe("async");
    const [item] = await b.store.conversations.listInbox({});
    expect(item?.text).toBe("Please refund INV-2041\n\nMy order number is A-12345");
  }, 60_000);

  it("an idle eligible agent takes a queued chat by hand; an ineligible one is refused; an admin assigns one to an agent below cap", async () => {
    const { baton: b } = await start();
    const maria = track(await agent(b.url, "maria@demo.baton"));
    expect((await maria.call("cap:set", { cap: 0 })).ok).toBe(true);
    const claire = track(await agent(b.url, "claire@demo.baton"));
    const priya = track(await agent(b.url, "priya@demo.baton"));
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    await v.waitFor<Status>("status", (p) => p.state === "queued");
    // Priya (technical) may not take a billing chat, at any escalation step.
    expect(await priya.call("queue:take", { conversationId: v.conversationId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Claire would get it after the 90 s step to general support; she takes it now, with one frame.
    expect((await claire.call("queue:take", { conversationId: v.conversationId })).ok).toBe(true);
    const got = await claire.waitFor<Assigned & { explanation: { summary: string; reasons: string[] } }>(
      "conversation:assigned",
      (p) => p.context.conversation.id === v.conversationId,
    );
    expect(got.explanation).toMatchObject({ summary: "taken by hand by Claire Dubois", reasons: ["taken by hand"] });
    await v.waitFor("message", system("Claire Dubois has joined the chat."));
    expect(await claire.call("queue:take", { conversationId: v.conversationId })).toMatchObject({ ok: false, error: { code: "invalid_transition" } });
    // An admin assigns a queued chat to an agent below their cap, over HTTP with a schema.
    const w = track(await visitor(b.url));
    await w.say("I want to talk to a human about my invoice");
    await w.waitFor<Status>("status", (p) => p.state === "queued");
    const admin = track(await agent(b.url, "admin@demo.baton", "admin", "offline"));
    const assign = (token: string, body: unknown) =>
      fetch(`${b.url}/api/admin/conversations/${w.conversationId}/assign`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await assign(claire.token, { agentId: "priya" })).status).toBe(403);
    expect((await assign(admin.token, {})).status).toBe(400);
    expect((await assign(admin.token, { agentId: "maria" })).status).toBe(409);
    const ok = await assign(admin.token, { agentId: "priya" });
    expect(ok.status).toBe(200);
    const toPriya = await priya.waitFor<Assigned & { explanation: { reasons: string[] } }>("conversation:assigned", (p) => p.context.conversation.id === w.conversationId);
    expect(toPriya.explanation.reasons).toEqual(["assigned by an admin"]);
  }, 60_000);

  it("María transfers to Ana while Ana is offline: the visitor is told the wait; the chat goes to Ana's team after 60 s", async () => {
    const { baton: b, clock } = await start();
    const maria = track(await agent(b.url, "maria@demo.baton"));
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    // Lucas is in Ana's team (international support) and online; Ana is not.
    const lucas = track(await agent(b.url, "lucas@demo.baton"));
    const ok = await maria.call("transfer", { conversationId: v.conversationId, to: { agentId: "ana" }, note: "Needs a Portuguese invoice copy" });
    expect(ok.ok).toBe(true);
    await v.waitFor("message", system("You are being transferred to a colleague who can help further. They can see the whole conversation."));
    await v.waitFor("message", system("You are number 1 in the queue. Estimated wait: under 2 minutes."));
    const s = await v.waitFor<Status>("status", (p) => p.state === "queued" && p.wait !== null);
    expect(s.wait).toMatchObject({ position: 1, seconds: 60 });
    expect(lucas.events.some((e) => e.event === "conversation:assigned")).toBe(false);
    clock.advance(60_000);
    await tick(b);
    await lucas.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    await v.waitFor("message", system("Lucas Martin from International support has joined the chat."));
  }, 60_000);

  it("with transfers.toOfflineAgent: refuse, a transfer to an offline colleague is refused with a clear message", async () => {
    dir = mkdtempSync(join(tmpdir(), "baton-issue-11-"));
    const configPath = join(dir, "baton.yaml");
    writeFileSync(configPath, readFileSync("config/baton.yaml", "utf8").replace("toOfflineAgent: wait", "toOfflineAgent: refuse"));
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS), configPath });
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const v = track(await visitor(baton.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    const refused = await maria.call("transfer", { conversationId: v.conversationId, to: { agentId: "ana" }, note: "Needs a Portuguese invoice copy" });
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict", message: "Ana Souza is offline: transfer to their team, or to a colleague who is online" } });
    expect(baton.engine.router.agentOf(v.conversationId)).toBe("maria");
  }, 60_000);

  it("an assigned chat María does not answer is flagged to her at 60 s and goes to Tom at 90 s with a note; the visitor is told", async () => {
    const { baton: b, clock } = await start();
    const maria = track(await agent(b.url, "maria@demo.baton"));
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    const answered = track(await visitor(b.url));
    await answered.say("I want to talk to a human about my invoice too");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === answered.conversationId);
    expect((await maria.call("message:send", { conversationId: answered.conversationId, clientMessageId: "hi", text: "Hello, looking now" })).ok).toBe(true);
    const tom = track(await agent(b.url, "tom@demo.baton"));
    clock.advance(60_000);
    await tick(b);
    await maria.waitFor("conversation:unanswered", (p: { conversationId: string; afterSeconds: number }) => p.conversationId === v.conversationId && p.afterSeconds === 60);
    clock.advance(30_000);
    await tick(b);
    await maria.waitFor("conversation:removed", (p: { conversationId: string; reason: string }) => p.conversationId === v.conversationId && p.reason === "unanswered");
    const { context } = await tom.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    expect(context.handoffs.map((h) => h.note)).toContain("not answered by María in 90 s");
    await v.waitFor("message", system("Sorry for the wait. We are passing your chat to a colleague who can answer now, with your conversation so far."));
    await v.waitFor("message", system("Tom Becker from Billing has joined the chat."));
    // The chat María answered stays hers.
    expect(b.engine.router.agentOf(answered.conversationId)).toBe("maria");
    expect(maria.events.some((e) => e.event === "conversation:unanswered" && (e.payload as { conversationId: string }).conversationId === answered.conversationId)).toBe(false);
  }, 60_000);

  it("bot-only CSAT: the visitor confirms the bot answered, is asked the same CSAT, and it is filed as bot-only", async () => {
    const { baton: b } = await start();
    const v = track(await visitor(b.url));
    expect(await v.call("bot:resolved", {})).toMatchObject({ ok: false, error: { code: "invalid_transition" } });
    await v.say("Where is my order A-12345?");
    await v.waitFor("message", (m: Said) => m.author === "bot");
    expect((await v.call("bot:resolved", {})).ok).toBe(true);
    await v.waitFor("csat:request");
    await v.waitFor("message", system("This chat has been resolved. How did we do?"));
    expect(await v.call("csat:submit", { score: 5 })).toMatchObject({ ok: true, data: { segment: "bot_only", score: 5 } });
  }, 60_000);
});
