import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { openVisitor, screenshot, signInAgent, type TestVisitor } from "./console-helpers.js";
import { identifiedAs } from "../integration/clients.js";
import { launchBrowser, startTestBaton } from "./harness.js";

// Tuesday 24 November 2026, 10:00 in Paris: the billing team is open.
const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));
const VIEWPORT = { width: 1440, height: 900 };

describe("agent console (real browser)", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let mariaCtx: BrowserContext;
  let tomCtx: BrowserContext;
  let maria: Page;
  let tom: Page;
  let visitor: TestVisitor;

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock }), launchBrowser()]);
    mariaCtx = await browser.newContext({ viewport: VIEWPORT });
    tomCtx = await browser.newContext({ viewport: VIEWPORT });
    maria = await mariaCtx.newPage();
    tom = await tomCtx.newPage();
  });

  afterAll(async () => {
    visitor?.close();
    await browser?.close();
    await baton?.close();
  });

  it("brings a handed-off chat to the agent with its whole context, guards repeat questions, transfers with a note and resolves", async () => {
    await signInAgent(maria, baton.url, "maria@demo.baton");
    await maria.getByTestId("load").filter({ hasText: "0 of 3 chats" }).waitFor();

    visitor = await openVisitor(baton.url, {
      ...identifiedAs("carlos.perez@example.mx"),
      locale: "en-US",
      page: { url: "https://shop.example/account/invoices", title: "Invoices · Example Shop" },
    });
    await visitor.send("Where is my order A-12345?");
    await visitor.waitForMessage((m) => m.author === "bot");
    await visitor.send("I want to talk to a human about my invoice INV-2041");

    // The chat arrives in real time, and the context panel is there at once.
    const context = maria.getByRole("complementary", { name: "Conversation context" });
    await context.waitFor();
    await maria.getByTestId("load").filter({ hasText: "1 of 3 chats" }).waitFor();
    const ctxText = await context.innerText();
    expect(ctxText).toContain("Carlos Pérez");
    expect(ctxText).toMatch(/Plan\s+Starter/);
    expect(ctxText).toMatch(/Open tickets\s+1/);
    expect(ctxText).toMatch(/Lifetime value\s+340/);
    expect(ctxText).toContain("Invoices · Example Shop");
    expect(ctxText).toContain("https://shop.example/account/invoices");
    expect(ctxText).toMatch(/order number\s+A-12345/);
    expect(ctxText).toContain("INV-2041");
    expect(ctxText).toContain("Asked for a human");
    expect(ctxText).toContain("Billing and cancellations");
    expect(ctxText).toMatch(/SLA\s+\d+:\d\d/);
    const summary = await maria.locator(".summary").innerText();
    expect(summary.length).toBeGreaterThan(10);

    // Bot turns are set apart in the transcript.
    const transcript = maria.getByRole("log", { name: "Transcript" });
    await transcript.locator(".line-bot").first().waitFor();
    expect(await transcript.locator(".line-bot .author-badge").first().innerText()).toMatch(/bot/i);
    expect(await transcript.locator(".line.evidence").count()).toBeGreaterThan(0);

    // The repeat-question guard speaks up before sending.
    const box = maria.getByLabel("Reply to the visitor");
    await box.fill("What is your order number?");
    const guard = maria.getByTestId("repeat-guard");
    await guard.waitFor();
    expect(await guard.innerText()).toMatch(/Already known:\s*order number = A-12345/);
    await screenshot(maria, "console-chat-guard");

    // A dropped connection and a page reload both come back to the same desk: the server re-sends
    // the state on every connection and socket.io replays what was missed.
    for (const s of baton.io.of("/agent").sockets.values()) if (s.data.agentId === "maria") s.conn.close();
    await visitor.send("Are you still there?");
    await transcript.locator(".line-visitor").filter({ hasText: "Are you still there?" }).waitFor();
    await maria.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    // A server-side disconnect (restart, failover): socket.io would not retry on its own; the console does.
    for (const s of baton.io.of("/agent").sockets.values()) if (s.data.agentId === "maria") s.disconnect();
    await visitor.send("Hello?");
    await transcript.locator(".line-visitor").filter({ hasText: "Hello?" }).waitFor();
    await maria.reload();
    await transcript.locator(".line-visitor").filter({ hasText: "Are you still there?" }).waitFor();
    await maria.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    expect(await maria.getByTestId("load").innerText()).toBe("1 of 3 chats");
    expect(await maria.locator(".seg.presence-online.active").count()).toBe(1);

    await box.fill("Thanks Carlos, I can see order A-12345 and invoice INV-2041. Let me check the charge.");
    expect(await guard.count()).toBe(0);
    await box.press("Enter");
    const reply = await visitor.waitForMessage((m) => m.author === "agent");
    expect(reply.text).toContain("invoice INV-2041");
    expect(reply.authorName).toBe("María García");
    await transcript.locator(".line-agent").filter({ hasText: "Let me check the charge." }).waitFor();

    // Visitor text is always text: a script tag shows as typed and never runs.
    const evil = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    await visitor.send(evil);
    const evilLine = transcript.locator(".line-visitor .line-text").filter({ hasText: "<script>" });
    await evilLine.waitFor();
    expect(await evilLine.innerText()).toBe(evil);
    expect(await evilLine.evaluate((el) => el.children.length)).toBe(0);
    expect(await maria.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Tom signs in in another browser context; María transfers the chat to him with a note.
    await signInAgent(tom, baton.url, "tom@demo.baton");
    await maria.getByRole("button", { name: "Transfer…" }).click();
    const dialog = maria.getByRole("dialog", { name: "Transfer the chat" });
    await dialog.waitFor();
    await dialog.getByRole("combobox", { name: "Colleague" }).selectOption("tom");
    await dialog.getByRole("button", { name: "Transfer" }).click();
    // A note is required: the dialog stays open until there is one.
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByLabel(/Note for the next person/).fill("Carlos disputes the charge on INV-2041. Order A-12345 is fine. Please check the refund.");
    await screenshot(maria, "console-transfer-dialog");
    await dialog.getByRole("button", { name: "Transfer" }).click();
    await dialog.waitFor({ state: "detached" });
    await maria.getByTestId("load").filter({ hasText: "0 of 3 chats" }).waitFor();
    expect(await maria.locator(".desk-item").count()).toBe(0);

    // Tom has it, with the note and the earlier handoff.
    const tomContext = tom.getByRole("complementary", { name: "Conversation context" });
    await tomContext.waitFor();
    await tom.getByTestId("load").filter({ hasText: "1 of 4 chats" }).waitFor();
    const note = tom.getByTestId("current-transfer-note");
    expect(await note.innerText()).toContain("Carlos disputes the charge on INV-2041");
    expect(await tomContext.getByRole("heading", { name: "Note from María García" }).count()).toBe(1);
    // The new holder's SLA clock runs until *they* answer (María's earlier reply does not count).
    expect(await tom.locator(".desk-item .sla").innerText()).toMatch(/\d+:\d\d/);
    const handoffs = await tom.getByRole("region", { name: "Earlier handoffs" }).innerText();
    expect(handoffs).toContain("Asked for a human");
    expect(handoffs).toContain("Transfer from María García to Tom Becker");
    expect(await tomContext.innerText()).toMatch(/order number\s+A-12345/);
    await tom.getByRole("log", { name: "Transcript" }).locator(".line-agent").filter({ hasText: "Let me check the charge." }).waitFor();
    await screenshot(tom, "console-transferred");

    // Tom answers and resolves; the visitor is told and asked for CSAT.
    await tom.getByLabel("Reply to the visitor").fill("Hi Carlos, Tom here. The refund for INV-2041 is on its way.");
    await tom.getByRole("button", { name: "Send" }).click();
    await visitor.waitForMessage((m) => m.author === "agent" && m.authorName === "Tom Becker");
    await tom.locator(".desk-item .sla").filter({ hasText: "SLA met" }).waitFor();
    await tom.getByRole("button", { name: "Resolve" }).click();
    await visitor.waitForMessage((m) => m.author === "system" && /resolved/.test(m.text));
    await tom.getByTestId("load").filter({ hasText: "0 of 4 chats" }).waitFor();
    expect(await tom.locator(".desk-item").count()).toBe(0);
  }, 90_000);
});
