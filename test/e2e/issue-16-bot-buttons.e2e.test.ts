/**
 * Issue 16 in a real browser: the demo page's widget talks to an external webhook bot (a real
 * HTTP server started here); the bot's quick replies show as buttons under its latest turn, a
 * click sends the title (shown in the transcript) and the payload (to the bot), and the buttons go
 * once the visitor answered. An agent who takes a chat over from the bot sees, on the bot's turns,
 * the quick replies offered and the intent and confidence the bot reported, and the visitor's
 * click marked. Screenshot: docs/screenshots/console-bot-turns.png.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { shippedConfigWithBots, startTestBot, type TestBot } from "../integration/bot-servers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { visitor } from "../integration/clients.js";
import { seriousViolations } from "./axe.js";
import { screenshot, signIn, signInAgent } from "./console-helpers.js";
import { openWidget, say, shot, TUESDAY_10_PARIS, until, w, waitForMessages } from "./widget-helpers.js";

const SECRET = "hook-secret-0123456789abcdef";

if (!existsSync(resolve("web/dist/widget.js"))) throw new Error("web/dist is not built: run `npm run build:web` before the e2e tests");

describe("issue 16: an external bot's quick replies in the widget", () => {
  let browser: Browser;
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let bot: TestBot;
  let dir: string;

  beforeAll(async () => {
    bot = await startTestBot(SECRET);
    bot.answer = (r) => {
      const m = r.body.message as { text: string; payload: string | null };
      if (m.payload === "/thanks") return { body: { messages: [{ text: "Glad I could help!" }], intent: "thanks", confidence: 0.99 } };
      return {
        body: {
          messages: [{ text: "Order 4417 ships tomorrow. Anything else?", buttons: [{ title: "No, thanks!", payload: "/thanks" }, { title: "Change the address", payload: "/change_address" }] }],
          intent: "order_status",
          confidence: 0.9,
        },
      };
    };
    dir = mkdtempSync(join(tmpdir(), "baton-bots-e2e-"));
    const configPath = join(dir, "baton.yaml");
    writeFileSync(
      configPath,
      shippedConfigWithBots(`bots:\n  default: hook\n  sites: { docs: builtin }\n  external:\n    - { id: hook, kind: webhook, url: "${bot.url}/bot", secret: ${SECRET}, backoffMs: 10 }\n`),
    );
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS), configPath });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("draws the buttons, sends the clicked one's payload, and removes them once answered", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await openWidget(page, `${baton.url}/`);
    await say(page, "Where is my order 4417?");
    expect(await waitForMessages(page, "bot", 1)).toContain("Order 4417 ships tomorrow. Anything else?");
    const buttons = page.locator(`${w.messages} .quick-replies button`);
    await buttons.first().waitFor();
    expect(await buttons.allTextContents()).toEqual(["No, thanks!", "Change the address"]);
    await shot(page, "issue-16-quick-replies");

    await buttons.first().click();
    expect(await waitForMessages(page, "bot", 2)).toContain("Glad I could help!");
    expect(await waitForMessages(page, "visitor", 2)).toEqual(["Where is my order 4417?", "No, thanks!"]);
    expect(bot.received.map((r) => (r.body.message as { payload: string | null }).payload)).toEqual([null, "/thanks"]);
    expect(await page.locator(`${w.messages} .quick-replies`).count()).toBe(0);
    await context.close();
  });

  it("an agent taking over from the bot sees the quick replies it offered, its intent and confidence, and the visitor's click", { timeout: 60_000 }, async () => {
    bot.answer = (r) => {
      const m = r.body.message as { text: string; payload: string | null };
      if (m.payload === "/human") {
        return { body: { messages: [{ text: "Connecting you to a person." }], intent: "human_handoff", confidence: 0.97, handoff: { reason: "the visitor asked for a person", topic: "billing" } } };
      }
      return {
        body: {
          messages: [{ text: "I can track order 4417 or find you a person.", buttons: [{ title: "Track my order", payload: "/track" }, { title: "Talk to a person", payload: "/human" }] }],
          intent: "billing.charge",
          confidence: 0.94,
        },
      };
    };
    const agentCtx = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const maria = await agentCtx.newPage();
    await signInAgent(maria, baton.url, "maria@demo.baton");
    const visitorCtx = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const page = await visitorCtx.newPage();
    await openWidget(page, `${baton.url}/`);
    await say(page, "I was charged twice for order 4417");
    const buttons = page.locator(`${w.messages} .quick-replies button`);
    await buttons.first().waitFor();
    await buttons.filter({ hasText: "Talk to a person" }).click();

    const transcript = maria.getByRole("log", { name: "Transcript" });
    const botTurn = transcript.locator(".line-bot").filter({ hasText: "I can track order 4417" });
    await botTurn.waitFor();
    expect((await botTurn.getByTestId("offered").innerText()).replace(/\s+/g, " ").trim()).toBe("Offered: Track my order · Talk to a person");
    // Chips to read, not buttons to press: the agent is not the visitor.
    expect(await botTurn.getByRole("button").count()).toBe(0);
    expect((await botTurn.locator(".line-nlu").innerText()).replace(/\s+/g, " ").trim()).toBe("intent billing.charge · 94%");
    const click = transcript.locator(".line-visitor").filter({ hasText: "Talk to a person" });
    expect(await click.locator(".line-quick-reply").innerText()).toContain("clicked a quick reply");
    // The visitor's own typed message is not marked.
    expect(await transcript.locator(".line-visitor").filter({ hasText: "charged twice" }).locator(".line-quick-reply").count()).toBe(0);
    expect(await seriousViolations(maria)).toEqual([]);
    const shotPath = await screenshot(maria, "console-bot-turns");
    mkdirSync(resolve("docs/screenshots"), { recursive: true });
    copyFileSync(shotPath, resolve("docs/screenshots/console-bot-turns.png"));

    await visitorCtx.close();
    await agentCtx.close();
  });

  it("the admin page sets a widget key's bot and lists the dead letters", { timeout: 60_000 }, async () => {
    // A bot failing every attempt: the message becomes a dead letter (and the chat hands off).
    bot.answer = () => ({ status: 500 });
    const v = await visitor(baton.url);
    await v.say("Hello, is this thing on?");
    await v.waitFor<{ author: string }>("message", (m) => m.author === "system");
    v.close();

    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await signIn(page, `${baton.url}/admin/`, "admin@demo.baton", "admin");
    await page.getByRole("button", { name: "Bots" }).click();
    const select = page.getByLabel("Bot of docs");
    await select.waitFor();
    expect(await select.inputValue()).toBe("builtin");
    await select.selectOption("hook");
    await page.getByRole("table", { name: "Dead letters" }).getByText("Hello, is this thing on?").waitFor();
    expect(await page.getByRole("table", { name: "Dead letters" }).getByText("the bot answered HTTP 500").count()).toBe(1);
    // The failed bot's chat handed off: the seam by bot counts it under "hook".
    const seamRow = page.getByRole("table", { name: "The seam by bot" }).getByRole("row").filter({ hasText: "hook" });
    await seamRow.waitFor();
    expect(await seamRow.textContent()).toContain("Bot unavailable 1");
    await shot(page, "issue-16-admin-bots");
    const token = ((await (await fetch(`${baton.url}/api/agent/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@demo.baton", password: "admin" }) })).json()) as { token: string }).token;
    const read = async () => (await (await fetch(`${baton.url}/api/admin/bots`, { headers: { authorization: `Bearer ${token}` } })).json()) as { sites: Record<string, string>; external: Record<string, unknown>[] };
    await until(async () => (await read()).sites.docs === "hook", "the admin's choice saved");
    const bots = await read();
    expect(bots.sites).toEqual({ docs: "hook" });
    expect(bots.external[0]).not.toHaveProperty("secret");
    await context.close();
  });
});
