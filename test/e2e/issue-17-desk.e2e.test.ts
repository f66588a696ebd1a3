import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { identifiedAs } from "../integration/clients.js";
import { connectAgent, openVisitor, screenshot, signInAgent, type TestAgent, type TestVisitor } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";

// Tuesday 24 November 2026, 10:00 in Paris: the billing team is open.
const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));

describe("issue 17: the console's desk (real browser)", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let maria: Page;
  let visitor: TestVisitor;
  let tom: TestAgent;
  const visitorEvents: { event: string; payload: unknown }[] = [];
  let anonLabel = "";

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock }), launchBrowser()]);
    maria = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(async () => {
    visitor?.close();
    tom?.close();
    await browser?.close();
    await baton?.close();
  });

  it("inserts a canned response with its variables filled, flags an unknown one, and keeps a private note from the visitor", async () => {
    await signInAgent(maria, baton.url, "maria@demo.baton");
    visitor = await openVisitor(baton.url, { ...identifiedAs("carlos.perez@example.mx"), locale: "en-US" });
    visitor.socket.onAny((event: string, payload: unknown) => visitorEvents.push({ event, payload }));
    await visitor.send("I have a question about invoice INV-2041");
    await visitor.waitForMessage((m) => m.author === "bot");
    await visitor.send("can I talk to a person?");
    await maria.getByRole("complementary", { name: "Conversation context" }).waitFor();

    // "/" opens the canned responses; typing narrows them; Enter inserts with the variables filled.
    const box = maria.getByLabel("Reply to the visitor");
    await box.fill("/inv");
    const picker = maria.getByRole("listbox", { name: "Canned responses" });
    await picker.waitFor();
    expect(await picker.getByRole("option").first().innerText()).toContain("/invoice");
    await box.fill("/");
    expect(await picker.getByRole("option").count()).toBeGreaterThanOrEqual(4);
    await box.press("ArrowDown");
    await box.fill("/inv");
    await screenshot(maria, "console-canned-picker");
    await box.press("Enter");
    await picker.waitFor({ state: "detached" });
    expect(await box.inputValue()).toBe("Thanks Carlos. I'm checking invoice INV-2041 now; this takes about two minutes.");
    await box.press("Enter");
    const sent = await visitor.waitForMessage((m) => m.author === "agent");
    expect(sent.text).toBe("Thanks Carlos. I'm checking invoice INV-2041 now; this takes about two minutes.");

    // A variable the chat does not know stays visible and blocks sending until replaced.
    await box.fill("/refund");
    await box.press("Tab");
    expect(await box.inputValue()).toContain("{field.order_number}");
    const unfilled = maria.getByTestId("unfilled");
    await unfilled.waitFor();
    expect(await unfilled.innerText()).toContain("{field.order_number}");
    await box.press("Enter");
    await maria.getByRole("alert").filter({ hasText: "before sending" }).waitFor();
    await box.fill((await box.inputValue()).replace("{field.order_number}", "A-12345"));
    expect(await unfilled.count()).toBe(0);
    await box.press("Enter");
    await visitor.waitForMessage((m) => m.text.includes("refund for order A-12345"));

    // A private note with an @mention: Tom is told; the visitor receives nothing of it.
    tom = await connectAgent(baton.url, "tom@demo.baton");
    const mentioned = new Promise<{ note: { text: string }; by: string }>((resolve) => tom.socket.once("mention", resolve));
    await maria.locator("label.mode", { hasText: "Private note" }).click();
    const noteBox = maria.getByLabel("Private note to colleagues");
    const secret = "Finance approved the refund; @tom please double-check the ledger";
    await noteBox.fill(secret);
    await noteBox.press("Enter");
    const transcript = maria.getByRole("log", { name: "Transcript" });
    const noteLine = transcript.locator(".line-note").filter({ hasText: "double-check the ledger" });
    await noteLine.waitFor();
    expect(await noteLine.locator(".author-badge").innerText()).toMatch(/private note/i);
    expect((await mentioned).by).toBe("María García");
    await screenshot(maria, "console-private-note");

    // After a reload the note is still there (read from the server), still only on the agent side.
    await maria.reload();
    await transcript.locator(".line-note").filter({ hasText: "double-check the ledger" }).waitFor();
    await maria.locator("label.mode", { hasText: "Reply" }).click();
    await maria.getByLabel("Reply to the visitor").fill("One more thing: all sorted.");
    await maria.getByLabel("Reply to the visitor").press("Enter");
    await visitor.waitForMessage((m) => m.text === "One more thing: all sorted.");
    expect(JSON.stringify(visitorEvents)).not.toContain("ledger");
  });

  it("names an anonymous visitor, finds an old chat by its words, and opens a returning customer's past chat", async () => {
    const transcript = maria.getByRole("log", { name: "Transcript" });
    await maria.getByRole("button", { name: "Resolve" }).click();
    await maria.getByTestId("load").filter({ hasText: "0 of 3 chats" }).waitFor();

    // An anonymous visitor is named with a stable label, with the city of their time zone.
    const anon = await openVisitor(baton.url, { locale: "en-US", timeZone: "America/New_York" });
    const session = await baton.engine.conversation(anon.conversationId);
    const { friendlyName } = await import("../../src/core/visitor/index.js");
    const label = friendlyName(session.visitorId);
    anonLabel = label;
    await anon.send("I want to talk to a person about my invoice");
    const context = maria.getByRole("complementary", { name: "Conversation context" });
    await context.waitFor();
    await maria.getByRole("list", { name: "My chats" }).getByText(label).waitFor();
    const visitorSection = context.getByRole("region", { name: "Visitor" });
    expect(await visitorSection.innerText()).toContain(label);
    expect(await visitorSection.innerText()).toContain("New York");
    expect(await maria.locator("#chat-title").innerText()).toBe(label);
    anon.close();

    // Find: full-text search over transcripts finds Carlos's resolved chat; it opens read-only.
    await maria.getByRole("tab", { name: "Find" }).click();
    await maria.getByLabel("Search transcripts").fill("question invoice");
    const results = maria.getByRole("list", { name: "Conversations" });
    const hit = results.getByRole("button").filter({ hasText: "Carlos Pérez" });
    await hit.waitFor();
    expect(await hit.innerText()).toContain("I have a question about invoice INV-2041");
    await maria.getByLabel("Search transcripts").fill("question invoice zebra");
    await maria.getByText("No transcript has every word.").waitFor();
    await maria.getByLabel("Search transcripts").fill("question invoice");
    await hit.click();
    await transcript.locator(".line").filter({ hasText: "Let me check" }).or(transcript.locator(".line").filter({ hasText: "refund for order A-12345" })).first().waitFor();
    expect(await maria.locator(".past .chat-header").innerText()).toContain("Read-only");
    expect(await transcript.locator(".line-note").count()).toBe(0);
    await screenshot(maria, "console-search");
    // Filters: Mine lists the anonymous chat; VIP lists none.
    await maria.getByLabel("Search transcripts").fill("");
    await maria.locator("label.filter", { hasText: "Mine" }).click();
    await results.getByRole("button").filter({ hasText: label }).waitFor();
    await maria.locator("label.filter", { hasText: "VIP" }).click();
    await maria.getByText("No conversations here.").waitFor();
    await maria.getByRole("button", { name: "Close" }).click();

    // Carlos comes back: the context counts his past chat and opens it.
    await maria.getByRole("tab", { name: /Chats/ }).click();
    const back = await openVisitor(baton.url, { ...identifiedAs("carlos.perez@example.mx"), locale: "en-US" });
    await back.send("Hello again, can I talk to a person about my invoice?");
    await maria.getByRole("list", { name: "My chats" }).getByRole("button").filter({ hasText: "Carlos Pérez" }).click();
    await context.getByTestId("past-chats").filter({ hasText: "1" }).waitFor();
    const pastList = context.getByRole("list", { name: "Past chats" });
    await pastList.getByRole("button").first().waitFor();
    await screenshot(maria, "console-visitor-history");
    await pastList.getByRole("button").first().click();
    await transcript.locator(".line").filter({ hasText: "I have a question about invoice INV-2041" }).waitFor();
    back.close();
  });

  it("lets an agent keep canned responses of their own from the console", async () => {
    await maria.getByRole("tab", { name: "Canned" }).click();
    const form = maria.getByRole("form", { name: "New canned response" });
    await form.getByLabel("Shortcut").fill("back");
    await form.getByLabel("Title").fill("Back soon");
    await form.getByLabel("Text").fill("Thanks {visitor.first_name}, I'll be back in five minutes.");
    await form.getByRole("button", { name: "Add" }).click();
    const list = maria.getByRole("list", { name: "Canned responses you can use" });
    const mine = list.getByRole("listitem").filter({ hasText: "/back" });
    await mine.waitFor();
    // A team's response is not hers to change; her own is.
    expect(await list.getByRole("listitem").filter({ hasText: "/refund" }).getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await mine.getByRole("button", { name: "Delete" }).count()).toBe(1);
    await screenshot(maria, "console-canned-manage");

    await maria.getByRole("tab", { name: /Chats/ }).click();
    const myChats = maria.getByRole("list", { name: "My chats" });
    await myChats.getByRole("button").filter({ hasText: "Carlos Pérez" }).click();
    const box = maria.getByLabel("Reply to the visitor");
    // Each chat keeps its unsent draft; a private note's draft comes back as a note.
    await box.fill("Half a reply for Carlos");
    await myChats.getByRole("button").filter({ hasText: anonLabel }).click();
    await maria.locator("#chat-title").filter({ hasText: anonLabel }).waitFor();
    expect(await box.inputValue()).toBe("");
    await maria.locator("label.mode", { hasText: "Private note" }).click();
    await maria.getByLabel("Private note to colleagues").fill("Note draft for the anonymous chat");
    await myChats.getByRole("button").filter({ hasText: "Carlos Pérez" }).click();
    await maria.locator("#chat-title").filter({ hasText: "Carlos Pérez" }).waitFor();
    expect(await box.inputValue()).toBe("Half a reply for Carlos");
    await myChats.getByRole("button").filter({ hasText: anonLabel }).click();
    expect(await maria.getByLabel("Private note to colleagues").inputValue()).toBe("Note draft for the anonymous chat");
    await maria.getByLabel("Private note to colleagues").fill("");
    await maria.locator("label.mode", { hasText: "Reply" }).click();
    await myChats.getByRole("button").filter({ hasText: "Carlos Pérez" }).click();
    await maria.locator("#chat-title").filter({ hasText: "Carlos Pérez" }).waitFor();
    await box.fill("/back");
    await box.press("Enter");
    expect(await box.inputValue()).toBe("Thanks Carlos, I'll be back in five minutes.");
    await box.fill("");

    await maria.getByRole("tab", { name: "Canned" }).click();
    await mine.getByRole("button", { name: "Delete" }).click();
    await mine.waitFor({ state: "detached" });
  });
});
