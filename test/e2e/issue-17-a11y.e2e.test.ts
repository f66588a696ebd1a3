/**
 * Accessibility of the three surfaces, checked by axe-core (injected by Playwright) with a chat in
 * progress: no serious or critical violation on the demo page with the widget open, the agent
 * console and the admin pages. And no failed request (the 404 each console/admin load logged).
 * Needs `npm run build:web` first.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { seriousViolations } from "./axe.js";
import { signIn, signInAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { openWidget, say, TUESDAY_10_PARIS, w, waitForMessages } from "./widget-helpers.js";

/** Every response of 400 or more while the page is used, as "404 /favicon.ico". */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return failed;
}

describe("issue 17: axe-core finds no serious or critical violation", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  it("in the widget, the console and the admin pages, with a chat handed off", async () => {
    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" })).newPage();
    const visitorFailed = failedRequests(visitor);
    await openWidget(visitor, `${baton.url}/`);
    await say(visitor, "Hello!");
    await waitForMessages(visitor, "bot", 1);
    expect(await seriousViolations(visitor), "widget (bot)").toEqual([]);

    const console = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const consoleFailed = failedRequests(console);
    await signInAgent(console, baton.url, "maria@demo.baton");
    await say(visitor, "I want to talk to a human about my invoice");
    await console.locator(".desk-item").first().waitFor();
    await console.locator(".desk-item").first().click();
    await console.locator(".composer textarea").fill("Hello, María here.");
    await console.locator(".composer textarea").press("Enter");
    await visitor.locator(`${w.messages} .msg.agent`).waitFor();
    expect(await seriousViolations(console), "console").toEqual([]);
    expect(await seriousViolations(visitor), "widget (with an agent)").toEqual([]);
    await visitor.locator(w.input).fill("x".repeat(4100));
    await visitor.getByRole("button", { name: "E-mail me this conversation" }).click();
    await visitor.locator("#baton-widget form.transcript-form").waitFor();
    expect(await seriousViolations(visitor), "widget (transcript form, over-long draft)").toEqual([]);

    const admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    const adminFailed = failedRequests(admin);
    await signIn(admin, `${baton.url}/admin/`, "admin@demo.baton", "admin");
    for (const tab of ["Dashboard", "Rules", "Teams and hours", "Agents", "Simulator"]) {
      await admin.getByRole("button", { name: tab }).click();
      await admin.locator("main").waitFor();
      await admin.waitForLoadState("networkidle");
      expect(await seriousViolations(admin), `admin: ${tab}`).toEqual([]);
    }
    expect([...visitorFailed, ...consoleFailed, ...adminFailed]).toEqual([]);
    // Headless Chromium asks for no icon; a desktop browser asks for the declared one (or /favicon.ico, a 404, when none is).
    for (const page of [visitor, console, admin]) {
      const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? null);
      expect(icon, page.url()).not.toBeNull();
      const res = await fetch(icon!);
      expect([res.status, res.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
    }
  }, 120_000);
});
