/**
 * The visitor widget in a real browser (Debian chromium), against a real Baton on the demo data.
 * Needs `npm run build:web` first (the demo page and web/dist/widget.js).
 * Each scenario starts its own Baton with a fake clock, so business hours never depend on the wall clock.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { identifiedAs } from "../integration/clients.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import {
  onlineAgent,
  openWidget,
  SUNDAY_NOON_PARIS,
  say,
  shot,
  socketVisitor,
  type TestAgent,
  until,
  TUESDAY_10_PARIS,
  w,
  waitForMessages,
  widgetConversationId,
} from "./widget-helpers.js";

type TestBaton = Awaited<ReturnType<typeof startTestBaton>>;
const T = { timeout: 60_000 };

if (!existsSync(resolve("web/dist/widget.js")) || !existsSync(resolve("web/dist/index.html"))) {
  throw new Error("web/dist is not built: run `npm run build:web` before the e2e tests");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A fresh browser context (own localStorage) in Paris, in English. */
async function newVisitor(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  // Reduced motion: no opening animation, so positions and screenshots are stable.
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Paris", viewport, reducedMotion: "reduce" });
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error("page error:", err));
  return { context, page };
}

describe("a visitor talks to the bot, then to María from Billing", () => {
  let baton: TestBaton;
  let maria: TestAgent;
  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
    maria = await onlineAgent(baton, "maria@demo.baton");
  }, 60_000);
  afterAll(async () => {
    maria?.close();
    await baton?.close();
  });

  it("greets the bot, asks for a human, sees María join, reads her reply and rates the chat", T, async () => {
    const { context, page } = await newVisitor();
    await openWidget(page, `${baton.url}/`);
    // The host page's heavy button styles do not reach into the widget.
    expect(await page.locator(w.launcher).evaluate((b) => getComputedStyle(b).textTransform)).toBe("none");
    expect(await page.locator(`${w.messages} .greeting`).textContent()).toBe("Hi! How can we help?");

    await say(page, "Hello!");
    expect((await waitForMessages(page, "bot", 1))[0]).toMatch(/help/i);
    await say(page, "I have a question about my invoice");
    await waitForMessages(page, "bot", 2);
    await say(page, "I want to talk to a human agent about my invoice");

    const conversationId = await maria.waitForAssigned(1);
    expect(await widgetConversationId(page)).toBe(conversationId);
    const system = await page.locator(`${w.messages} .msg.system`).filter({ hasText: "has joined" }).first().textContent({ timeout: 15_000 });
    expect(system).toContain("María García from Billing has joined");
    await page.locator("#baton-widget header p", { hasText: "You are chatting with María García" }).waitFor();

    // The page the visitor was on travels with the messages into the agent's context.
    const context0 = await maria.call<{ conversation: { page: { url: string; title: string } | null } }>("conversation:open", { conversationId });
    expect(context0.conversation.page).toEqual({ url: `${baton.url}/`, title: "Acme Outdoor · Tents, packs and trail gear" });

    await maria.call("typing", { conversationId, typing: true });
    await page.locator("#baton-widget .typing", { hasText: "María García is typing…" }).waitFor();
    await maria.send(conversationId, "Hi, María here. I can see your invoice question: let me check it for you.");
    expect(await waitForMessages(page, "agent", 1)).toEqual(["Hi, María here. I can see your invoice question: let me check it for you."]);
    expect(await page.locator(`${w.messages} .msg.agent .who`).first().textContent()).toBe("María García");
    expect(await page.locator("#baton-widget .typing").count()).toBe(0);
    await shot(page, "widget-handoff");

    // Every message once: the echo, the ack and the history never duplicate one.
    const ids = await page.locator(`${w.messages} .msg[data-id]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator(`${w.messages} .msg.visitor`).count()).toBe(3);

    // Resolved: the visitor rates the chat (keyboard: arrows move between the star radios).
    await maria.call("resolve", { conversationId });
    await page.locator("#baton-widget form.csat").waitFor();
    await page.locator("#baton-widget #baton-star-4").focus();
    await page.keyboard.press("ArrowRight");
    await page.locator("#baton-widget form.csat textarea").fill("Quick and kind.");
    await shot(page, "widget-csat");
    await page.locator("#baton-widget form.csat button[type=submit]").click();
    await page.locator("#baton-widget .csat-done").waitFor();
    const csat = await baton.store.conversations.listCsatBetween(0, Number.MAX_SAFE_INTEGER);
    expect(csat.map((c) => [c.conversationId, c.score, c.comment, c.segment])).toEqual([[conversationId, 5, "Quick and kind.", "post_handoff"]]);

    // Esc closes the panel and gives focus back to the launcher.
    await page.locator(w.input).focus();
    await page.keyboard.press("Escape");
    await page.locator(w.panel).waitFor({ state: "hidden" });
    expect(await page.locator("#baton-widget").evaluate((h) => h.shadowRoot?.activeElement?.classList.contains("launcher"))).toBe(true);
    expect(await page.locator(w.launcher).getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });
});

describe("everyone who could help is busy", () => {
  let baton: TestBaton;
  let maria: TestAgent;
  const fillers: { close(): void }[] = [];
  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
    maria = await onlineAgent(baton, "maria@demo.baton", "demo", 1);
  }, 60_000);
  afterAll(async () => {
    for (const f of fillers) f.close();
    maria?.close();
    await baton?.close();
  });

  it("shows the queue position and the wait, then offers to keep waiting or leave a message", T, async () => {
    const billingHandoff = ["I have a question about my invoice", "I want to talk to a human agent"];
    fillers.push(await socketVisitor(baton, billingHandoff)); // takes María's only slot
    await maria.waitForAssigned(1);
    const { context, page } = await newVisitor();
    await openWidget(page, `${baton.url}/`);
    for (const [i, text] of billingHandoff.entries()) {
      await say(page, text);
      if (i === 0) await waitForMessages(page, "bot", 1);
    }
    const status = page.locator("#baton-widget .queue-status");
    await status.waitFor({ timeout: 15_000 });
    // The live position is the header's status line; the transcript has the server's line once, and no card repeats it.
    expect(await status.textContent()).toBe("Number 1 in the queue · about 4 minutes");
    expect(await page.locator(`${w.messages} .msg.system`, { hasText: "You are number 1 in the queue" }).count()).toBe(1);
    expect(await page.locator("#baton-widget .log").getByText(/number 1 in the queue/i).count()).toBe(1);
    expect(await page.locator("#baton-widget .wait-offer").count()).toBe(0);

    // A second visitor queues behind: their wait is long enough to be offered the choice.
    const second = await newVisitor();
    await openWidget(second.page, `${baton.url}/`);
    await say(second.page, billingHandoff[0]!);
    await waitForMessages(second.page, "bot", 1);
    await say(second.page, billingHandoff[1]!);
    await second.page.locator("#baton-widget .queue-status", { hasText: "Number 2 in the queue" }).waitFor({ timeout: 15_000 });
    expect(await second.page.locator("#baton-widget .queue-status").textContent()).toContain("about 8 minutes");
    const offer = second.page.locator("#baton-widget .wait-offer");
    await offer.waitFor();
    expect(await offer.locator("button").allTextContents()).toEqual(["Keep waiting", "Leave a message"]);
    // The wait and the promise are said once (the server's notice), not again on the card.
    await second.page.locator(`${w.messages} .msg.system`, { hasText: "The wait is about 8 minutes" }).waitFor();
    await expect.poll(() => second.page.locator("#baton-widget .log").getByText(/The wait is about 8 minutes/).count()).toBe(1);
    await shot(second.page, "widget-queue-offer");
    await offer.locator("button", { hasText: "Keep waiting" }).click();
    await offer.waitFor({ state: "detached" });
    await second.page.locator(`${w.messages} .msg.system`, { hasText: "Thanks for waiting" }).waitFor();
    expect(await second.page.locator("#baton-widget .queue-status").textContent()).toContain("Number 2");

    // A third one would rather leave a message: the form opens while they keep their place.
    const third = await newVisitor();
    await openWidget(third.page, `${baton.url}/`);
    await say(third.page, billingHandoff[0]!);
    await waitForMessages(third.page, "bot", 1);
    await say(third.page, billingHandoff[1]!);
    await third.page.locator("#baton-widget .wait-offer button", { hasText: "Leave a message" }).click({ timeout: 15_000 });
    const form = third.page.locator("#baton-widget form.async-form");
    // Every promise names a time (the billing team's reply window while it is open).
    expect(await form.locator(".promise").textContent()).toMatch(/^We will reply by e-mail by \w+ \d{1,2}:\d{2} [AP]M \([\w ]+\)\.$/);
    await form.getByLabel("E-mail").fill("sam@example.org");
    await form.getByLabel("Message").fill("Please send me a corrected invoice.");
    await form.locator("button[type=submit]").click();
    // Confirmed once (the server's line), and the form was the only input while it was open.
    await third.page.locator(`${w.messages} .msg.system`, { hasText: "Thanks! We have your message" }).waitFor();
    await form.waitFor({ state: "detached" });
    expect(await third.page.locator("#baton-widget .log").getByText(/We have your message/).count()).toBe(1);
    const thirdId = await widgetConversationId(third.page);
    const inbox = await baton.store.conversations.listInbox({ conversationId: thirdId });
    expect(inbox.map((i) => [i.email, i.text, i.reason])).toEqual([["sam@example.org", "Please send me a corrected invoice.", "visitor_choice"]]);
    expect((await baton.store.conversations.getConversation(thirdId))?.state).toBe("async");
    // The first two still wait, in order.
    expect(await second.page.locator("#baton-widget .queue-status").textContent()).toContain("Number 2");
    for (const v of [second, third]) await v.context.close();
    await context.close();
  });
});

describe("after hours, nobody is in", () => {
  let baton: TestBaton;
  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(SUNDAY_NOON_PARIS) });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
  });

  it("takes a message with the promised reply time, confirms it, and shows the reply when the visitor returns", T, async () => {
    const { context, page } = await newVisitor({ width: 390, height: 844 });
    await openWidget(page, `${baton.url}/`);
    // Under 480 px the panel is the whole screen.
    expect(await page.locator(w.panel).boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await say(page, "Hello!");
    await waitForMessages(page, "bot", 1);
    await say(page, "I want to talk to a human agent");

    const form = page.locator("#baton-widget form.async-form");
    await form.waitFor({ timeout: 15_000 });
    const promise = (await form.locator(".promise").textContent()) ?? "";
    expect(promise).toMatch(/^We will reply by e-mail by .*(Monday|tomorrow).*8:00/);
    // The header is honest: away, with the promise (the zone named by its city).
    expect(await page.locator("#baton-widget header .status-line").textContent()).toMatch(/^We're away: we will reply by Monday 8:00 AM \(Paris\)$/);
    await form.getByLabel("Name (optional)").fill("Carla Ruiz");
    await form.getByLabel("E-mail").fill("carla@example.org");
    await form.getByLabel("Message").fill("Does the Ridgeline 2 tent fit two people with packs inside?");
    await shot(page, "widget-after-hours");
    await form.locator("button[type=submit]").click();
    const done = page.locator(`${w.messages} .msg.system`, { hasText: "Thanks! We have your message" });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/^Thanks! We have your message and will reply to carla@example.org by .*8:00/);
    expect(await page.locator("#baton-widget .log").getByText(/We have your message/).count()).toBe(1);
    await form.waitFor({ state: "detached" });

    const conversationId = await widgetConversationId(page);
    const inbox = await baton.store.conversations.listInbox({});
    expect(inbox.map((i) => [i.conversationId, i.name, i.email, i.text, i.status])).toEqual([
      [conversationId, "Carla Ruiz", "carla@example.org", "Does the Ridgeline 2 tent fit two people with packs inside?", "open"],
    ]);

    // An agent answers the inbox on Monday; the visitor comes back and sees the reply.
    await page.close();
    const claire = await onlineAgent(baton, "claire@demo.baton");
    await claire.call("inbox:reply", { itemId: inbox[0]!.id, text: "Yes: two people and two 45 l packs fit in the porches." });
    claire.close();
    const back = await context.newPage();
    await openWidget(back, `${baton.url}/`);
    const reply = back.locator(`${w.messages} .msg.agent`, { hasText: "two 45 l packs" });
    await reply.waitFor({ timeout: 15_000 });
    expect(await reply.locator(".tag").textContent()).toBe("Reply to your message");
    expect(await back.locator(`${w.messages} .msg.agent`).count()).toBe(1);
    expect(await back.locator("#baton-widget form.async-form").count()).toBe(0);
    await context.close();
  });
});

describe("message text is never markup", () => {
  let baton: TestBaton;
  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
  });

  it("shows a <script> message literally and runs nothing", T, async () => {
    const { context, page } = await newVisitor();
    await openWidget(page, `${baton.url}/`);
    const evil = "<script>window.__pwned=1</script><b>bold</b>";
    await say(page, evil);
    expect(await waitForMessages(page, "visitor", 1)).toEqual([evil]);
    await waitForMessages(page, "bot", 1);
    expect(await page.locator(w.messages).textContent()).toContain(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator(`${w.messages} b, ${w.messages} script`).count()).toBe(0);
    const stored = await baton.store.conversations.listMessages(await widgetConversationId(page));
    expect(stored.filter((m) => m.author === "visitor").map((m) => m.text)).toEqual([evil]);
    await context.close();
  });
});

describe("the page API and the visitor's language", () => {
  let baton: TestBaton;
  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
  });

  it("opens from window.BatonWidget.open(), identifies the visitor, and speaks the browser's language", T, async () => {
    const context = await browser.newContext({ locale: "es-ES", timezoneId: "Europe/Madrid" });
    const page = await context.newPage();
    await page.goto(`${baton.url}/`);
    await page.locator(w.launcher).waitFor();
    expect(await page.locator(w.launcher).getAttribute("aria-label")).toBe("Abrir el chat");
    await page.evaluate((proof) => {
      const api = (window as unknown as { BatonWidget: { open(): void; identify(v: { email: string; userHash: string }): void } }).BatonWidget;
      api.identify(proof);
      api.open();
    }, identifiedAs("lena.vogel@example.de"));
    await page.locator(w.panel).waitFor();
    expect(await page.locator("#baton-widget #baton-title").textContent()).toBe("Chatea con nosotros");
    expect(await page.locator(`${w.input}`).getAttribute("placeholder")).toBe("Escribe un mensaje…");
    // The page gives a Spanish greeting (data-greeting-es): a Spanish visitor is greeted in Spanish.
    expect(await page.locator(`${w.messages} .greeting`).textContent()).toBe("¡Hola! ¿En qué podemos ayudarte?");
    // The input has focus as soon as the panel opens.
    expect(await page.locator("#baton-widget").evaluate((h) => h.shadowRoot?.activeElement?.id)).toBe("baton-input");
    const conversationId = await widgetConversationId(page);
    await until(async () => (await baton.store.conversations.getConversation(conversationId))?.customerId === "lena", "the visitor to be identified");
    const c = await baton.store.conversations.getConversation(conversationId);
    expect([c?.language, c?.visitorTimeZone]).toEqual(["es", "Europe/Madrid"]);
    await context.close();
  });

  it("window.BatonWidget.signOut() revokes the session and resume token and leaves nothing of Lena in the browser", T, async () => {
    const { context, page } = await newVisitor();
    await page.goto(`${baton.url}/`);
    await page.locator(w.launcher).waitFor();
    await page.evaluate((proof) => {
      const api = (window as unknown as { BatonWidget: { open(): void; identify(v: { email: string; userHash: string }): void } }).BatonWidget;
      api.identify(proof);
      api.open();
    }, identifiedAs("lena.vogel@example.de"));
    await say(page, "Where is my order 4411?");
    await waitForMessages(page, "visitor", 1);
    const conversationId = await widgetConversationId(page);
    const stored = () => page.evaluate(() => ({ token: localStorage.getItem("baton:token"), resumeToken: localStorage.getItem("baton:resumeToken") }));
    const before = await stored();
    expect(before.token).not.toBeNull();
    await page.evaluate(() => (window as unknown as { BatonWidget: { signOut(): Promise<void> } }).BatonWidget.signOut());
    expect(await stored()).toEqual({ token: null, resumeToken: null });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("baton:")))).toEqual([]);
    expect(await page.locator("#baton-widget").evaluate((h) => h.shadowRoot?.textContent ?? "")).not.toContain("Where is my order 4411?");
    // On the server: the old session token and resume token are dead.
    const resumed = await fetch(`${baton.url}/api/visitor/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ resumeToken: before.resumeToken }),
    });
    expect(((await resumed.json()) as { conversationId: string }).conversationId).not.toBe(conversationId);
    const me = await fetch(`${baton.url}/api/visitor/signout`, { method: "POST", headers: { authorization: `Bearer ${before.token}` } });
    expect(me.status).toBe(401);
    await context.close();
  });
});

describe("the server restarts under the visitor", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-widget-restart-"));
  const storageUrl = `sqlite:${join(dir, "baton.db")}`;
  const env = { BATON_SESSION_SECRET: "test-secret-0123456789" };
  const clock = new FakeClock(TUESDAY_10_PARIS);
  let baton: TestBaton;
  beforeAll(async () => {
    baton = await startTestBaton({ clock, storageUrl, env });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows reconnecting, comes back without duplicates, and delivers a message typed meanwhile exactly once", T, async () => {
    const port = Number(new URL(baton.url).port);
    const { context, page } = await newVisitor();
    await openWidget(page, `${baton.url}/`);
    await say(page, "Hello!");
    await waitForMessages(page, "bot", 1);
    const conversationId = await widgetConversationId(page);

    await baton.close();
    const banner = page.locator(w.banner);
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toBe("Reconnecting…");
    await say(page, "How do I reset my password?");
    const pending = page.locator(`${w.messages} .msg.visitor.pending`);
    await pending.waitFor();
    expect(await pending.textContent()).toContain("Sending…");
    await shot(page, "widget-reconnecting");

    baton = await startTestBaton({ clock, storageUrl, env, port });
    expect(baton.url).toBe(`http://127.0.0.1:${port}`);
    await banner.waitFor({ state: "detached", timeout: 30_000 });
    await pending.waitFor({ state: "detached", timeout: 15_000 });
    expect(await waitForMessages(page, "visitor", 2)).toEqual(["Hello!", "How do I reset my password?"]);
    await waitForMessages(page, "bot", 2);

    // Exactly once in the store, and no duplicates on screen, even after a reload.
    const stored = await baton.store.conversations.listMessages(conversationId);
    expect(stored.filter((m) => m.author === "visitor").map((m) => m.text)).toEqual(["Hello!", "How do I reset my password?"]);
    const drawn = async () => page.locator(`${w.messages} .msg[data-id]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    const before = await drawn();
    expect(new Set(before).size).toBe(before.length);
    expect(before).toEqual(stored.map((m) => m.id));
    await page.reload();
    await page.locator(w.launcher).click();
    await waitForMessages(page, "visitor", 2);
    expect(await drawn()).toEqual(stored.map((m) => m.id));
    await context.close();
  });
});
