/**
 * Issue 17 in a real browser, on a phone-sized screen (390x844): the widget reads like a
 * conversation. Needs `npm run build:web` first.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { OutgoingMail } from "../../src/ports/index.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { onlineAgent, openWidget, say, shot, type TestAgent, TUESDAY_10_PARIS, until, w, waitForMessages } from "./widget-helpers.js";

const PHONE = { width: 390, height: 844 };

describe("issue 17: the widget on a phone", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let maria: TestAgent;
  const mails: OutgoingMail[] = [];

  beforeAll(async () => {
    [baton, browser] = await Promise.all([
      startTestBaton({
        clock: new FakeClock(TUESDAY_10_PARIS),
        mailer: {
          async send(m) {
            mails.push(m);
            return { messageId: `m${mails.length}` };
          },
        },
      }),
      launchBrowser(),
    ]);
    maria = await onlineAgent(baton, "maria@demo.baton");
  }, 60_000);
  afterAll(async () => {
    maria?.close();
    await browser?.close();
    await baton?.close();
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York", viewport: PHONE, reducedMotion: "reduce" });
    const page = await context.newPage();
    page.on("pageerror", (err) => console.error("page error:", err));
    return { context, page };
  }

  const status = (page: Page) => page.locator("#baton-widget header .status-line");
  const badge = (page: Page) => page.locator(`${w.launcher} .badge`);

  it("right-aligns the visitor, tells the truth in the header, refuses a too-long paste, counts unread once, and mails the transcript", async () => {
    const { context, page } = await phone();
    await openWidget(page, `${baton.url}/`);
    expect(await status(page).textContent()).toBe("Our assistant answers right away");

    await say(page, "Hello!");
    await waitForMessages(page, "bot", 1);
    // The visitor's bubbles sit on the right, the bot's on the left.
    const panel = (await page.locator(w.panel).boundingBox())!;
    const mine = (await page.locator(`${w.messages} .msg.visitor .bubble`).first().boundingBox())!;
    const bots = (await page.locator(`${w.messages} .msg.bot:not(.greeting) .bubble`).first().boundingBox())!;
    expect(panel.x + panel.width - (mine.x + mine.width)).toBeLessThan(30);
    expect(mine.x).toBeGreaterThan(panel.x + panel.width / 2);
    expect(bots.x - panel.x).toBeLessThan(30);

    // A 5,000-character paste is kept whole and refused with a reason; nothing is cut or sent.
    await page.locator(w.input).fill("x".repeat(5000));
    expect((await page.locator(w.input).inputValue()).length).toBe(5000);
    const over = page.locator("#baton-widget .composer .count.over");
    expect(await over.textContent()).toBe("Your message has 5,000 characters; the limit is 4,000. Shorten it or send it in parts.");
    expect(await page.locator("#baton-widget .composer button[type=submit]").isDisabled()).toBe(true);
    await page.locator(w.input).press("Enter");
    expect(await page.locator(`${w.messages} .msg.visitor`).count()).toBe(1);
    await shot(page, "issue-17-widget-too-long");
    await page.locator(w.input).fill("y".repeat(3900));
    expect(await page.locator("#baton-widget .composer .count").textContent()).toBe("3,900 of 4,000 characters");
    await page.locator(w.input).fill("");
    expect(await page.locator("#baton-widget .composer .count").count()).toBe(0);

    // A person joins: the header names her.
    await say(page, "I want to talk to a human about my invoice");
    const conversationId = await maria.waitForAssigned(1);
    await status(page).filter({ hasText: "You are chatting with María García" }).waitFor();
    await maria.send(conversationId, "Hi, María here. Let me look at your invoice.");
    await waitForMessages(page, "agent", 1);
    await shot(page, "issue-17-widget-390");

    // Closed: one new agent message is one unread (the join notice and the bot's turns were seen or do not count)…
    await page.keyboard.press("Escape");
    await page.locator(w.panel).waitFor({ state: "hidden" });
    expect(await badge(page).count()).toBe(0);
    await maria.send(conversationId, "Found it: you were charged twice, the refund is on its way.");
    await badge(page).waitFor();
    expect(await badge(page).textContent()).toBe("1");
    expect(await page.locator(w.launcher).getAttribute("aria-label")).toBe("Open chat (1 unread)");
    // …and still one after a reload (it was 4: bot answers and system notices counted again).
    await page.reload();
    await badge(page).waitFor();
    await until(async () => (await page.locator(`${w.messages} .msg.agent`).count()) === 2, "the history after the reload");
    expect(await badge(page).textContent()).toBe("1");
    await page.locator(w.launcher).click();
    await page.locator(w.input).waitFor();
    await page.keyboard.press("Escape");
    await page.reload();
    await page.locator(w.launcher).waitFor();
    await until(async () => (await page.locator(`${w.messages} .msg.agent`).count()) === 2, "the history after the second reload");
    expect(await badge(page).count()).toBe(0);

    // The transcript by e-mail: the form is the one input while open; the server sends it.
    await page.locator(w.launcher).click();
    await page.locator("#baton-widget header button", { hasText: "" }).first().waitFor();
    await page.getByRole("button", { name: "E-mail me this conversation" }).click();
    const form = page.locator("#baton-widget form.transcript-form");
    await form.waitFor();
    expect(await page.locator(w.input).isDisabled()).toBe(true);
    expect(await page.locator("#baton-widget .attach").count()).toBe(0);
    await form.getByLabel("E-mail").fill("ada@example.com");
    await form.locator("button[type=submit]").click();
    await page.locator("#baton-widget .transcript-sent", { hasText: "We sent this conversation to ada@example.com." }).waitFor();
    expect(await page.locator(w.input).isDisabled()).toBe(false);
    expect(await page.locator("#baton-widget .attach").count()).toBe(1);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([["ada@example.com", "Your conversation with Baton"]]);
    expect(mails[0]!.text).toContain("Found it: you were charged twice");
    expect(mails[0]!.text).toContain("(times in America/New_York)");
    await shot(page, "issue-17-widget-transcript");
    await context.close();
  }, 120_000);
});
