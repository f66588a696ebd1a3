import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { openVisitor, screenshot, signInAgent, type TestVisitor } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";

// Tuesday 24 November 2026, 10:00 in Paris: the billing team is open.
const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));

/** The page's background colour as [r, g, b]. */
const background = (page: Page) =>
  page.evaluate(() => (getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number));

describe("issue 17: a console to live in all day (real browser)", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let ctx: BrowserContext;
  let maria: Page;
  const visitors: TestVisitor[] = [];

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock }), launchBrowser()]);
    ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    maria = await ctx.newPage();
  });
  afterAll(async () => {
    for (const v of visitors) v.close();
    await browser?.close();
    await baton?.close();
  });

  it("asks for notifications, counts unread in the title, and works from the keyboard", async () => {
    await signInAgent(maria, baton.url, "maria@demo.baton");
    // Alerts are on by default, and the prompt says what the browser will ask.
    expect(await maria.getByLabel("Sound & notifications").isChecked()).toBe(true);
    const prompt = maria.getByRole("region", { name: "Notifications" });
    expect(await prompt.innerText()).toContain("desktop notification when a chat arrives");
    // Headless Chromium cannot show its own permission bubble: the test answers it for the agent.
    await ctx.grantPermissions(["notifications"], { origin: baton.url });
    await prompt.getByRole("button", { name: "Allow notifications" }).click();
    await prompt.waitFor({ state: "detached" });
    expect(await maria.evaluate(() => Notification.permission)).toBe("granted");

    for (const text of ["I want to talk to a person about my invoice", "Can I talk to a human about a refund on my invoice?"]) {
      const v = await openVisitor(baton.url, { locale: "en-US", timeZone: "Europe/Madrid" });
      visitors.push(v);
      await v.send(text);
      await maria.getByTestId("load").filter({ hasText: `${visitors.length} of 3 chats` }).waitFor();
    }
    const [first, second] = visitors as [TestVisitor, TestVisitor];
    const title = maria.locator("#chat-title");
    const firstName = await title.innerText();
    // A message in the chat that is not open: the tab title counts it.
    const other = (await title.innerText()) === firstName ? second : first;
    await other.send("Hello? Anyone there?");
    await expect.poll(() => maria.title()).toMatch(/^\(1\) Baton/);

    // Alt+N: the next chat (unread first); the count clears.
    await maria.keyboard.press("Alt+KeyN");
    await expect.poll(() => title.innerText()).not.toBe(firstName);
    await expect.poll(() => maria.title()).toBe("Baton · Agent console");

    // "?" opens the help sheet (outside a text box).
    await maria.locator("body").click({ position: { x: 700, y: 300 } });
    await maria.keyboard.press("Shift+Slash");
    const help = maria.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.innerText()).toMatch(/Alt \+ R\s+Resolve the open chat/i);
    await screenshot(maria, "console-shortcuts");
    await maria.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });

    // Alt+T: transfer; Alt+R: resolve, even from the reply box.
    await maria.getByLabel("Reply to the visitor").focus();
    await maria.keyboard.press("Alt+KeyT");
    const transfer = maria.getByRole("dialog", { name: "Transfer the chat" });
    await transfer.waitFor();
    await maria.keyboard.press("Escape");
    await transfer.waitFor({ state: "detached" });
    await maria.getByLabel("Reply to the visitor").focus();
    await maria.keyboard.press("Alt+KeyR");
    await maria.getByTestId("load").filter({ hasText: "1 of 3 chats" }).waitFor();
  });

  it("is usable at 390 px, one pane at a time", async () => {
    await maria.setViewportSize({ width: 390, height: 844 });
    const overflow = () => maria.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const panes = maria.getByRole("navigation", { name: "Panes" });
    await panes.getByRole("button", { name: /Chats/ }).click();
    const deskItem = maria.getByRole("list", { name: "My chats" }).getByRole("button").first();
    await deskItem.click();
    const box = maria.getByLabel("Reply to the visitor");
    await box.waitFor();
    const rect = await box.boundingBox();
    expect(rect).not.toBeNull();
    expect((rect?.x ?? -1) >= 0 && (rect?.x ?? 0) + (rect?.width ?? 0) <= 390).toBe(true);
    expect((rect?.y ?? 0) + (rect?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(await maria.getByRole("complementary", { name: "Conversation context" }).isVisible()).toBe(false);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await box.fill("Sorry for the wait, I'm here now.");
    await box.press("Enter");
    await maria.getByRole("log", { name: "Transcript" }).locator(".line-agent").filter({ hasText: "I'm here now." }).waitFor();
    await screenshot(maria, "console-390");
    await panes.getByRole("button", { name: "Context" }).click();
    await maria.getByRole("complementary", { name: "Conversation context" }).waitFor();
    expect(await maria.getByRole("log", { name: "Transcript" }).isVisible()).toBe(false);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await panes.getByRole("button", { name: "Conversation" }).click();
  });

  it("follows the system's dark mode", async () => {
    await maria.setViewportSize({ width: 1440, height: 900 });
    await maria.emulateMedia({ colorScheme: "light" });
    const [lr, lg, lb] = await background(maria);
    expect((lr ?? 0) + (lg ?? 0) + (lb ?? 0)).toBeGreaterThan(600);
    await maria.emulateMedia({ colorScheme: "dark" });
    const [dr, dg, db] = await background(maria);
    expect((dr ?? 255) + (dg ?? 255) + (db ?? 255)).toBeLessThan(150);
    // Text stays readable: the ink is light on the dark page.
    const ink = await maria.evaluate(() => (getComputedStyle(document.documentElement).color.match(/\d+/g) ?? []).slice(0, 3).map(Number));
    expect(ink.reduce((a, b) => a + b, 0)).toBeGreaterThan(600);
    await screenshot(maria, "console-dark");
  });
});
