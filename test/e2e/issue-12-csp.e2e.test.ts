import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { openVisitor, signIn, signInAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";

/** Tuesday 24 November 2026, 10:00 in Paris: billing is open. */
const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));

/** Records every CSP violation a page reports (the DOM event and the console line). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) logged.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

describe("issue 12: the console and admin work under the Content Security Policy", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  beforeAll(async () => {
    baton = await startTestBaton({ clock });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  it("the console signs in, goes online and shows a handed-off chat with no CSP violation", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const violations = await watchCsp(page);
    const res = await page.goto(`${baton.url}/console/`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await signInAgent(page, baton.url, "maria@demo.baton");
    const visitor = await openVisitor(baton.url, { locale: "en-US" });
    await visitor.send("I want to talk to a human about my invoice");
    await page.locator(".context-panel").waitFor();
    await page.getByText("I want to talk to a human about my invoice").first().waitFor();
    visitor.close();
    expect(await violations()).toEqual([]);
  }, 60_000);

  it("the admin page shows rules, the dashboard's charts and a simulator report with no CSP violation", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const violations = await watchCsp(page);
    await signIn(page, `${baton.url}/admin/`, "admin@demo.baton", "admin");
    await page.getByRole("table", { name: "Routing rules" }).waitFor();
    await page.getByRole("button", { name: "Dashboard" }).click();
    await page.getByTestId("stat-handoffs").waitFor();
    await page.locator(".uplot canvas").first().waitFor();
    await page.getByRole("button", { name: "Simulator" }).click();
    await page.getByLabel("Scenario", { exact: true }).selectOption("vip-surge.yaml");
    await page.getByLabel("Hours").fill("0.25");
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByRole("table", { name: "Simulation results" }).waitFor({ timeout: 30_000 });
    expect(await page.frameLocator('iframe[title="Simulation report"]').locator("svg").count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  }, 90_000);
});
