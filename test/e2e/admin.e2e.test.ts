import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { apiLogin, connectAgent, openVisitor, screenshot, signIn, signInAgent, type TestAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";

// Tuesday 24 November 2026, 10:00 in Paris: billing is open, so the rules route (not the async inbox).
const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));

const SECOND = 1000;

/**
 * Traffic for the dashboard: four billing chats handed off, answered after 10/30/50/70 s, resolved
 * and rated (5, 4, 3, 5; the bot answered first in two of them); in one the agent asks again for
 * the invoice number the visitor gave. One technical chat goes to the async inbox (the team is
 * closed); then, with María's cap at 1, one chat waits 45 s in the queue before she takes it and
 * one is left waiting.
 */
async function generateTraffic(url: string, maria: TestAgent): Promise<void> {
  const chats = [
    { score: 5, botFirst: true, ask: "I want to talk to a human about my invoice", reply: "Hello, I can help with that invoice." },
    { score: 4, botFirst: false, ask: "I want to talk to a human about invoice INV-3001", reply: "Could you give me your invoice number?" },
    { score: 3, botFirst: true, ask: "I want to talk to a human about my invoice", reply: "Hello, I can help with that invoice." },
    { score: 5, botFirst: false, ask: "This is urgent: I want a refund for my last invoice", reply: "I am on it." },
  ];
  for (const [i, chat] of chats.entries()) {
    const visitor = await openVisitor(url, { locale: "en-US", page: { url: `https://shop.example/p/${i}`, title: `Page ${i}` } });
    if (chat.botFirst) {
      // The bot answers first: this chat's CSAT counts as "after handoff".
      await visitor.send("Where is my order A-1000?");
      await visitor.waitForMessage((m) => m.author === "bot");
    }
    await visitor.send(chat.ask);
    await maria.assigned(visitor.conversationId);
    clock.advance((10 + i * 20) * SECOND);
    await maria.send("message:send", { conversationId: visitor.conversationId, clientMessageId: `a-${i}`, text: chat.reply });
    clock.advance(60 * SECOND);
    await maria.send("resolve", { conversationId: visitor.conversationId });
    await visitor.waitForMessage((m) => m.author === "system" && /resolved/.test(m.text));
    const ack = (await visitor.socket.timeout(5000).emitWithAck("csat:submit", { score: chat.score })) as { ok: boolean };
    expect(ack.ok).toBe(true);
    visitor.close();
  }
  // Technical support is closed at 04:00 in New York: this one goes to the async inbox.
  const late = await openVisitor(url, { locale: "en-US" });
  await late.send("The app crashes with error E-500 when I log in. I want to talk to a human.");
  const left = (await late.socket.timeout(5000).emitWithAck("async:leave", {
    name: "Emma Wilson",
    email: "emma.wilson@example.co.uk",
    text: "The app crashes with error E-500 at login. Please e-mail me.",
  })) as { ok: boolean };
  expect(left.ok).toBe(true);
  late.close();
  // María takes one chat at a time now.
  await maria.send("cap:set", { cap: 1 });
  const waiting: string[] = [];
  for (const n of [4, 5, 6]) {
    const v = await openVisitor(url, { locale: "en-US" });
    await v.send(`I want to talk to a human about my invoice INV-20${n}`);
    waiting.push(v.conversationId);
    v.close();
  }
  await maria.assigned(waiting[0]!);
  clock.advance(45 * SECOND);
  await maria.send("resolve", { conversationId: waiting[0]! });
  await maria.assigned(waiting[1]!);
}

describe("admin and dashboard (real browser)", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let page: Page;
  let maria: TestAgent;
  let configDir: string;
  let configPath: string;

  beforeAll(async () => {
    // Saving the config writes the file: work on a copy.
    configDir = mkdtempSync(join(tmpdir(), "baton-admin-e2e-"));
    configPath = join(configDir, "baton.yaml");
    copyFileSync("config/baton.yaml", configPath);
    [baton, browser] = await Promise.all([startTestBaton({ clock, configPath }), launchBrowser()]);
    maria = await connectAgent(baton.url, "maria@demo.baton");
    await generateTraffic(baton.url, maria);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  });

  afterAll(async () => {
    maria?.close();
    await browser?.close();
    await baton?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it("refuses agents, then shows an admin the rules table and explains which rule matches", async () => {
    await signIn(page, `${baton.url}/admin/`, "maria@demo.baton", "demo");
    await page.getByRole("heading", { name: "Admins only" }).waitFor();
    await page.getByRole("button", { name: "Sign in as someone else" }).click();

    await page.getByLabel("E-mail").fill("admin@demo.baton");
    await page.getByLabel("Password").fill("admin");
    await page.getByRole("button", { name: "Sign in" }).click();
    const table = page.getByRole("table", { name: "Routing rules" });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(baton.config.rules.length);
    const billingRow = baton.config.rules.findIndex((r) => r.id === "billing");
    expect(await rows.nth(billingRow).innerText()).toMatch(/Billing and cancellations[\s\S]*topic billing, cancellation/);

    const form = page.getByRole("region", { name: "Which rule would match?" });
    await form.getByLabel("Topic").selectOption("billing");
    await form.getByLabel("Trigger").selectOption("explicit_request");
    await form.getByLabel("Customer tier").selectOption("standard");
    await form.getByLabel("Language").fill("en");
    await form.getByLabel("After hours").setChecked(false);
    await form.getByRole("button", { name: "Explain" }).click();
    const result = page.getByTestId("match-result");
    await result.waitFor();
    expect(await result.innerText()).toBe("Matches Billing and cancellations (billing)");
    const verdicts = page.getByRole("table", { name: "Rule verdicts" }).locator("tbody tr");
    expect(await verdicts.count()).toBe(baton.config.rules.length);
    const byRule = Object.fromEntries(
      await Promise.all((await verdicts.all()).map(async (r) => [await r.locator("code").innerText(), await r.innerText()] as const)),
    );
    expect(byRule.billing).toMatch(/chosen[\s\S]*✓ topic "billing" is in \[billing, cancellation\]/);
    expect(byRule.vip).toMatch(/no match[\s\S]*✗ tier "standard" is not in \[vip, enterprise\]/);
    expect(byRule["after-hours"]).toMatch(/no match[\s\S]*within hours, rule wants after hours/);
    expect(byRule.general).toMatch(/matches, but shadowed/);
    await screenshot(page, "dashboard-rules-match");
  }, 60_000);

  it("shows a config error with its path and line, puts the cursor there, and keeps the file unchanged", async () => {
    const before = readFileSync(configPath, "utf8");
    const editor = page.getByLabel("Configuration YAML");
    const yaml = await editor.inputValue();
    expect(yaml).toBe(before);
    // The billing rule's SLA becomes a word.
    const lines = yaml.split("\n");
    const rulesAt = lines.indexOf("rules:");
    const billing = lines.findIndex((l, i) => i > rulesAt && l.trim() === "- id: billing");
    const slaIndex = lines.findIndex((l, i) => i > billing && l.trim().startsWith("slaSeconds:"));
    lines[slaIndex] = lines[slaIndex]!.replace(/slaSeconds: \d+/, "slaSeconds: soon");
    await editor.fill(lines.join("\n"));
    await page.getByRole("button", { name: "Validate and save" }).click();

    const issues = page.getByTestId("config-issues");
    await issues.waitFor();
    const text = await issues.innerText();
    expect(text).toContain("rules[2].slaSeconds");
    expect(text).toContain(`(line ${slaIndex + 1})`);
    expect(await page.getByRole("alert").filter({ hasText: "Not saved" }).count()).toBe(1);
    expect(readFileSync(configPath, "utf8")).toBe(before);

    await issues.getByRole("button").first().click();
    const caretLine = await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split("\n").length);
    expect(caretLine).toBe(slaIndex + 1);
    await screenshot(page, "dashboard-config-error");
    await page.getByRole("button", { name: "Discard changes" }).click();
  }, 60_000);

  it("lists teams with their hours and holidays", async () => {
    await page.getByRole("button", { name: "Teams and hours" }).click();
    const teams = page.getByRole("table", { name: "Teams" });
    await teams.waitFor();
    const billingRow = await teams.locator("tbody tr").filter({ hasText: "Billing" }).first().innerText();
    expect(billingRow).toContain("Europe/Paris");
    expect(billingRow).toContain("Mon–Fri 08:00–12:00");
    expect(billingRow).toContain("Mon–Fri 13:00–18:00");
    expect(billingRow).toContain("2026-12-25");
    await page.getByRole("button", { name: "Agents" }).click();
    const agents = page.getByRole("table", { name: "Agents" });
    await agents.waitFor();
    expect(await agents.locator("tbody tr").filter({ hasText: "María García" }).innerText()).toMatch(/online[\s\S]*1 of 1 chat/);
  }, 60_000);

  it("renders the seam dashboard from the generated traffic and exports it", async () => {
    await page.getByRole("button", { name: "Dashboard" }).click();
    await page.getByTestId("stat-handoffs").waitFor();
    expect(await page.getByTestId("stat-handoffs").innerText()).toBe("8");
    for (const id of ["triggers", "ttfh", "sla", "csat", "wait", "repeat"]) {
      const card = page.getByTestId(`chart-${id}`);
      await card.locator(".uplot canvas").first().waitFor();
      const box = await card.locator(".uplot canvas").first().boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(250);
    }
    const ttfh = await page.getByRole("table", { name: "Time to first human" }).innerText();
    // Four billing chats answered after 10, 30, 50 and 70 s: p50 40 s, p90 64 s.
    expect(ttfh).toMatch(/Billing and cancellations\s+7\s+4\s+40 s\s+1 min 4 s/);
    const csat = await page.getByRole("table", { name: "CSAT by segment" }).innerText();
    expect(csat).toMatch(/After handoff\s+2\s+4\.00/);
    expect(csat).toMatch(/Human only\s+2\s+4\.50/);
    const sla = await page.getByRole("table", { name: "SLA attainment" }).innerText();
    // The 70 s answer missed the 60 s SLA; the three chats from the queue are not answered yet (still inside their SLA).
    expect(sla).toMatch(/billing\s+3\s+1\s+3\s+75%/);
    expect(await page.getByTestId("chart-wait").innerText()).toMatch(/1 measured/);
    expect(await page.getByTestId("chart-repeat").innerText()).toMatch(/of \d+ handoffs/);
    await page.getByTestId("queue-now").filter({ hasText: "1" }).waitFor();
    await page.getByTestId("chart-sla").scrollIntoViewIfNeeded();
    await page.screenshot({ path: (await screenshot(page, "dashboard")).replace(/\.png$/, "-full.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toMatch(/^baton-seam-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    expect(csv.split("\n")[0]).toMatch(/,/);
    expect(csv).toContain("billing");
  }, 60_000);

  it("runs a what-if scenario from the simulator page", async () => {
    await page.getByRole("button", { name: "Simulator" }).click();
    await page.getByLabel("Scenario", { exact: true }).selectOption("vip-surge.yaml");
    await page.getByLabel("Hours").fill("1");
    await page.getByRole("button", { name: "Run" }).click();
    const table = page.getByRole("table", { name: "Simulation results" });
    await table.waitFor({ timeout: 30_000 });
    expect(await page.getByLabel("Scenario YAML").inputValue()).toContain("VIP");
    const rows = await table.locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t")[0])).toEqual(["baton", "round-robin", "least-busy"]);
    // SLA by a qualified agent beside raw SLA, and its gap to the Erlang-C bound.
    const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.toLowerCase());
    expect(headers).toEqual(expect.arrayContaining(["sla", "qualified", "vs bound"]));
    expect(rows[0]).toMatch(/[+−]\d+\.\d pts/);
    expect(await page.frameLocator('iframe[title="Simulation report"]').locator("svg").count()).toBeGreaterThan(0);
    await screenshot(page, "admin-simulator");
    // A broken scenario says what and where.
    await page.getByLabel("Scenario YAML").fill("name: broken\nseed: -1\n");
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => page.getByRole("alert").innerText(), { timeout: 10_000 }).toMatch(/line/);
  }, 60_000);

  it("lets an agent of the chat's team answer the async inbox from the console", async () => {
    const agentPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAgent(agentPage, baton.url, "tom@demo.baton");
    // Tom came online and took the chat that waited 45 s of its 60 s SLA.
    await agentPage.locator(".context-panel .sla").waitFor();
    expect(await agentPage.locator(".context-panel .sla").innerText()).toMatch(/0:1[0-5]/);
    // The inbox is per team: the technical message is not Tom's (billing and support) to see.
    await agentPage.getByRole("tab", { name: "Inbox (0)" }).waitFor();
    const techPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAgent(techPage, baton.url, "lucas@demo.baton");
    await techPage.getByRole("tab", { name: "Inbox (1)" }).click();
    const list = techPage.getByRole("list", { name: "Open inbox messages" });
    expect(await list.innerText()).toContain("The app crashes with error E-500 at login.");
    // What the visitor told the bot before leaving the message is one click away, read-only.
    await list.getByRole("button", { name: "Show the chat" }).click();
    const transcript = techPage.getByRole("log", { name: "Transcript" });
    await transcript.getByText("The app crashes with error E-500 when I log in. I want to talk to a human.").waitFor();
    expect(await techPage.locator(".past .chat-header").innerText()).toContain("Read-only");
    // The chat is named by the name the visitor left (not a friendly label).
    expect(await techPage.locator(".past #chat-title").innerText()).toBe("Emma Wilson");
    await screenshot(techPage, "console-inbox-chat");
    await list.getByLabel("Reply by e-mail to emma.wilson@example.co.uk").fill("Hi Emma, a fix for E-500 is live: please update the app.");
    await screenshot(techPage, "console-inbox");
    await list.getByRole("button", { name: "Send reply" }).click();
    await techPage.getByRole("tab", { name: "Inbox (0)" }).waitFor();
    await techPage.getByText("Answered (1)").click();
    await techPage.getByText("Reply: Hi Emma, a fix for E-500 is live").waitFor();
    const inbox = await (await fetch(`${baton.url}/api/admin/inbox`, { headers: { authorization: `Bearer ${await apiLogin(baton.url, "admin@demo.baton", "admin")}` } })).json();
    expect(inbox).toMatchObject([{ status: "replied", repliedBy: "lucas", reply: "Hi Emma, a fix for E-500 is live: please update the app." }]);
  }, 60_000);
});
