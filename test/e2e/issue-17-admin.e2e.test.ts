/**
 * Issue 17, the admin page in a real browser: every config mistake at once, line numbers in the
 * editor, a simulator default that means something, whole-number ticks on count axes.
 * Needs `npm run build:web` first.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { screenshot, signIn } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { onlineAgent, socketVisitor, type TestAgent, TUESDAY_10_PARIS } from "./widget-helpers.js";

describe("issue 17: admin", () => {
  const clock = new FakeClock(TUESDAY_10_PARIS);
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let page: Page;
  let maria: TestAgent;
  let configDir: string;
  let configPath: string;
  const closers: { close(): void }[] = [];

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), "baton-admin17-"));
    configPath = join(configDir, "baton.yaml");
    copyFileSync("config/baton.yaml", configPath);
    [baton, browser] = await Promise.all([startTestBaton({ clock, configPath }), launchBrowser()]);
    // One handoff: a count axis of one ("0, 1, 1" before).
    maria = await onlineAgent(baton, "maria@demo.baton");
    closers.push(await socketVisitor(baton, ["I want to talk to a human about my invoice"]));
    await maria.waitForAssigned(1);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, `${baton.url}/admin/`, "admin@demo.baton", "admin");
  }, 60_000);
  afterAll(async () => {
    for (const c of closers) c.close();
    maria?.close();
    await browser?.close();
    await baton?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it("counts on whole-number ticks", async () => {
    await page.getByRole("button", { name: "Dashboard" }).click();
    const chart = page.getByTestId("chart-triggers").locator(".uplot");
    await chart.waitFor();
    await expect.poll(() => chart.getAttribute("data-y-ticks")).toBeTruthy();
    const ticks = ((await chart.getAttribute("data-y-ticks")) ?? "").split(",");
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(t).toMatch(/^\d+$/);
    expect(new Set(ticks).size).toBe(ticks.length);
  }, 60_000);

  it("reports a type error and an unknown team together, with line numbers in the editor", async () => {
    await page.getByRole("button", { name: "Rules" }).click();
    const editor = page.getByLabel("Configuration YAML");
    const yaml = await editor.inputValue();
    const lines = yaml.split("\n");
    const rulesAt = lines.indexOf("rules:");
    const billing = lines.findIndex((l, i) => i > rulesAt && l.trim() === "- id: billing");
    const sla = lines.findIndex((l, i) => i > billing && l.trim().startsWith("slaSeconds:"));
    const team = lines.findIndex((l, i) => i > billing && /team: billing\b/.test(l));
    lines[sla] = lines[sla]!.replace(/slaSeconds: \d+/, "slaSeconds: soon");
    lines[team] = lines[team]!.replace(/team: billing\b/, "team: billling");
    await editor.fill(lines.join("\n"));
    const gutter = page.getByTestId("config-gutter");
    expect(await gutter.locator("span").count()).toBe(lines.length);
    expect(await gutter.locator("span").nth(9).textContent()).toBe("10");
    await page.getByRole("button", { name: "Validate and save" }).click();
    const issues = page.getByTestId("config-issues");
    await issues.waitFor();
    const text = await issues.innerText();
    expect(text).toContain(`slaSeconds (line ${sla + 1})`);
    expect(text).toContain(`target.team (line ${team + 1}): unknown team "billling"`);
    expect(await page.getByRole("alert").filter({ hasText: "Not saved: 2 problems" }).count()).toBe(1);
    expect((await gutter.locator("span.bad").allTextContents()).sort()).toEqual([String(team + 1), String(sla + 1)].sort());
    expect(readFileSync(configPath, "utf8")).toBe(yaml);
    await issues.getByRole("button").last().click();
    await screenshot(page, "issue-17-admin-config-errors");
    await page.getByRole("button", { name: "Discard changes" }).click();
  }, 60_000);

  it("opens the simulator on a scenario whose default run means something", async () => {
    await page.getByRole("button", { name: "Simulator" }).click();
    const scenario = page.getByLabel("Scenario", { exact: true });
    await expect.poll(() => scenario.inputValue()).toBe("staffing-shortfall.yaml");
    expect(await page.getByLabel("From").inputValue()).toBe("07:00");
    await page.getByRole("button", { name: "Run" }).click();
    const table = page.getByRole("table", { name: "Simulation results" });
    await table.waitFor({ timeout: 60_000 });
    const baton0 = (await table.locator("tbody tr").first().innerText()).split("\t");
    expect(baton0[0]).toBe("baton");
    expect(baton0).not.toContain("—");
    const abandoned = Number.parseFloat(baton0[8]!);
    expect(abandoned).toBeLessThan(100);
    expect(Number(baton0[1])).toBeGreaterThan(0);
    await screenshot(page, "issue-17-admin-simulator");
    // Choosing the night scenario runs it from its own evening start, not from 10:00.
    await scenario.selectOption("after-hours-night.yaml");
    expect(await page.getByLabel("From").inputValue()).toBe("18:00");
  }, 120_000);
});
