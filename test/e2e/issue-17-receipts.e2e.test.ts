/**
 * Issue 17 in a real browser: delivery and read state in both directions. The visitor's message
 * shows "Sent" once the server has it, "Read" once the console has the chat on screen; the agent's
 * reply shows "Seen" in the console once the open widget has shown it. Needs `npm run build:web`.
 * Screenshot: docs/screenshots/widget-read.png.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { screenshot, signInAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { openWidget, say, shot, TUESDAY_10_PARIS, w, waitForMessages } from "./widget-helpers.js";

describe("issue 17: delivered and read, widget and console", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await baton?.close();
  });

  async function page(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ locale: "en-US", viewport, reducedMotion: "reduce" });
    contexts.push(context);
    const p = await context.newPage();
    p.on("pageerror", (err) => console.error("page error:", err));
    return p;
  }

  it("the visitor sees Sent, then Read once the console shows the chat; the agent sees Seen once the widget shows the reply", async () => {
    const maria = await page({ width: 1280, height: 800 });
    await signInAgent(maria, baton.url, "maria@demo.baton");
    const visitor = await page({ width: 390, height: 844 });
    await openWidget(visitor, `${baton.url}/`);
    const receipt = visitor.locator(`${w.messages} [data-testid=receipt]`);

    // The bot answers; no person holds the chat, so the message is only "Sent".
    await say(visitor, "Hello!");
    await waitForMessages(visitor, "bot", 1);
    await expect.poll(() => receipt.allTextContents()).toEqual(["Sent"]);

    // A person takes over: the console shows the chat, and the widget says "Read" under the newest message only.
    await say(visitor, "I want to talk to a person about my invoice");
    const transcript = maria.getByRole("log", { name: "Transcript" });
    await transcript.locator(".line-visitor").filter({ hasText: "about my invoice" }).waitFor();
    await expect.poll(() => receipt.allTextContents()).toEqual(["Read"]);
    const last = visitor.locator(`${w.messages} .msg.visitor`).last();
    expect(await last.locator("[data-testid=receipt]").textContent()).toBe("Read");

    // The agent replies; the open widget shows it, and the console says "Seen" under it.
    const box = maria.getByLabel("Reply to the visitor");
    await box.fill("Hi, I'm María. Let me look at your invoice.");
    await box.press("Enter");
    await waitForMessages(visitor, "agent", 1);
    const seen = transcript.getByTestId("seen");
    await seen.waitFor();
    expect(await transcript.locator(".line-agent:has([data-testid=seen])").innerText()).toContain("Let me look at your invoice.");

    // A new visitor message is "Sent" until the console, still showing the chat, reads it: then "Read" again.
    await say(visitor, "Thanks, it's INV-2041");
    await transcript.locator(".line-visitor").filter({ hasText: "INV-2041" }).waitFor();
    await expect.poll(() => receipt.allTextContents()).toEqual(["Read"]);
    expect(await visitor.locator(`${w.messages} .msg.visitor`).last().locator("[data-testid=receipt]").count()).toBe(1);

    // A reload draws the marks again from the server.
    await visitor.reload();
    await visitor.locator(w.launcher).click();
    await waitForMessages(visitor, "agent", 1);
    await expect.poll(() => receipt.allTextContents()).toEqual(["Read"]);

    const path = await shot(visitor, "widget-read");
    mkdirSync(resolve("docs/screenshots"), { recursive: true });
    copyFileSync(path, resolve("docs/screenshots/widget-read.png"));
    await screenshot(maria, "console-seen");
  }, 90_000);
});
