import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { runDue, setAgentCap } from "../../src/app/index.js";
import { screenshot, signInAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { openWidget, say, shot, socketVisitor, TUESDAY_10_PARIS, w, waitForMessages, widgetConversationId } from "./widget-helpers.js";

const VIEWPORT = { width: 1440, height: 900 };

describe("issue 11 in a real browser: nobody waits on nobody", () => {
  const clock = new FakeClock(TUESDAY_10_PARIS);
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  const closers: { close(): void }[] = [];

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    for (const c of closers) c.close();
    await browser?.close();
    await baton?.close();
  });

  it("María transfers to Ana's team while Ana is offline: the visitor sees a stated time; an idle eligible agent takes a queued chat with one click", async () => {
    const page = async (): Promise<Page> => (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const maria = await page();
    await signInAgent(maria, baton.url, "maria@demo.baton");
    await baton.engine.command(() => setAgentCap(baton.engine, "maria", 1));

    // A visitor in the widget asks for a human about billing: María has it.
    const visitorPage = await page();
    await openWidget(visitorPage, `${baton.url}/`);
    await say(visitorPage, "I have a question about invoice INV-2041");
    await waitForMessages(visitorPage, "bot", 1);
    await say(visitorPage, "Can I talk to a person please?");
    const v1 = await widgetConversationId(visitorPage);
    await maria.locator(".desk-item").first().waitFor();
    await visitorPage.locator(`${w.messages} .msg.system`, { hasText: "María García" }).waitFor();

    // María passes it to International support, Ana's team; nobody there is online.
    await maria.getByRole("button", { name: "Transfer…" }).click();
    const dialog = maria.getByRole("dialog", { name: "Transfer the chat" });
    await dialog.waitFor();
    // The dialog lists colleagues with live presence and load, someone available first (nobody is: María is alone).
    const options = await dialog.getByRole("combobox", { name: "Colleague" }).locator("option").allTextContents();
    expect(options.find((o) => o.startsWith("Ana Souza"))).toMatch(/Ana Souza · offline · 0 of 3/);
    await dialog.locator("label.seg", { hasText: "A team" }).click();
    await dialog.getByRole("combobox", { name: "Team" }).selectOption("support-intl");
    await dialog.getByLabel(/Note for the next person/).fill("Wants the invoice in Portuguese; Ana knows the account.");
    await dialog.getByRole("button", { name: "Transfer" }).click();
    await dialog.waitFor({ state: "detached" });
    await visitorPage.locator(`${w.messages} .msg.system`, { hasText: "You are being transferred" }).waitFor();

    // Within 15 s without anyone who could take it, the visitor is offered to leave a message by a stated time.
    clock.advance(15_000);
    await baton.engine.command(() => runDue(baton.engine));
    const offer = visitorPage.locator("#baton-widget .wait-offer");
    await offer.waitFor({ timeout: 15_000 });
    // Said once: the transcript's notice has the time; the card below it only asks the question.
    await visitorPage.locator(`${w.messages} .msg.system`, { hasText: "we will reply" }).waitFor();
    const offerText = await visitorPage.locator(`${w.messages} .msg.system`).last().innerText();
    await expect.poll(() => offer.locator("p").count()).toBe(0);
    expect(offerText, offerText).toMatch(/we will reply by Tuesday \d{1,2}:\d{2} [AP]M \([\w ]+\)\./);
    expect(offerText).not.toMatch(/as soon as possible/);
    // International support's reply window (60 min from 10:00:15 Paris, to the next 5 minutes), not Billing's.
    expect(offerText).toMatch(/Tuesday (10:05 AM \(UTC\)|11:05 AM \(Paris\))/);
    await shot(visitorPage, "issue-11-widget-stated-time");
    await offer.locator("button", { hasText: "Leave a message" }).click();
    const form = visitorPage.locator("#baton-widget form.async-form");
    expect(await form.locator(".promise").innerText()).toMatch(/^We will reply by e-mail by Tuesday \d{1,2}:\d{2} [AP]M \([\w ]+\)\.$/);
    await form.getByLabel("E-mail").fill("carlos@example.mx");
    await form.getByLabel("Message").fill("Please send the invoice in Portuguese.");
    await form.locator("button[type=submit]").click();
    await visitorPage.locator("#baton-widget .msg.system", { hasText: "Thanks! We have your message" }).waitFor();
    expect(baton.engine.router.stateOf(v1)).toBeNull();

    // Two more billing chats: María takes one (cap 1); the other waits for the escalation to general support.
    const v2 = await socketVisitor(baton, ["I want to talk to a human about my invoice"]);
    closers.push(v2);
    const v3 = await socketVisitor(baton, ["I want to talk to a human about my refund invoice"]);
    closers.push(v3);
    const queued = [v2, v3].find((v) => baton.engine.router.stateOf(v.conversationId) === "queued");
    if (queued === undefined) throw new Error("expected one of the two chats to wait");

    // Claire (general support, billing skills) is idle: she sees the chat in her queue and takes it with one click.
    const claire = await page();
    await signInAgent(claire, baton.url, "claire@demo.baton");
    await claire.getByTestId("load").filter({ hasText: "0 of 2 chats" }).waitFor();
    await claire.locator(".queue-item .queue-open").first().click();
    const take = claire.getByRole("button", { name: "Take" });
    await take.waitFor();
    await screenshot(claire, "issue-11-console-take");
    await take.click();
    await claire.getByTestId("load").filter({ hasText: "1 of 2 chats" }).waitFor();
    expect(baton.engine.router.agentOf(queued.conversationId)).toBe("claire");
    await claire.locator(".desk-item").first().waitFor();
    await screenshot(claire, "issue-11-console-taken");
  }, 120_000);
});
