import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { runDue, setAgentPresence } from "../../src/app/index.js";
import { screenshot, signInAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { openWidget, say, socketVisitor, TUESDAY_10_PARIS, w } from "./widget-helpers.js";

describe("issue 11 in a real browser: the unanswered flag, and the leave-a-message draft", () => {
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

  it("María sees a warning on the chat she has not answered for 60 s; it goes once she replies", async () => {
    const maria = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAgent(maria, baton.url, "maria@demo.baton");
    const v = await socketVisitor(baton, ["I want to talk to a human about my invoice"]);
    closers.push(v);
    await maria.locator(".desk-item").first().waitFor();
    expect(await maria.getByTestId("unanswered-warning").count()).toBe(0);
    clock.advance(60_000);
    await baton.engine.command(() => runDue(baton.engine));
    const warning = maria.getByTestId("unanswered-warning");
    await warning.waitFor();
    expect(await warning.innerText()).toBe("Not answered for 60 s: send a first message now, or this chat goes to a colleague.");
    await screenshot(maria, "issue-11-console-unanswered");
    await maria.locator(".composer textarea").fill("Hello, I am looking at your invoice now.");
    await maria.locator(".composer textarea").press("Enter");
    await warning.waitFor({ state: "detached" });
    expect(baton.engine.router.agentOf(v.conversationId)).toBe("maria");
  }, 120_000);

  it("nobody online: the leave-a-message form is the one input (issue 17: the message box waits), and the message is left with their e-mail", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    // María is online from the step above: she goes offline so nobody can take the chat.
    await baton.engine.command(() => setAgentPresence(baton.engine, "maria", "offline"));
    await openWidget(page, `${baton.url}/`);
    await say(page, "I want to talk to a human about my invoice");
    const form = page.locator("#baton-widget form.async-form");
    await form.waitFor();
    expect(await form.getByLabel("Message").inputValue()).toBe("");
    // One active input: the message box waits (and says where to write) while the form is open.
    expect(await page.locator(w.input).isDisabled()).toBe(true);
    expect(await page.locator(w.input).getAttribute("placeholder")).toBe("Use the form above");
    await form.getByLabel("Message").fill("My invoice INV-2041 is charged twice");
    await form.getByLabel("E-mail").fill("carlos@example.mx");
    await form.locator("button[type=submit]").click();
    await page.locator("#baton-widget .msg.system", { hasText: "Thanks! We have your message" }).waitFor();
    const [item] = await baton.store.conversations.listInbox({});
    expect(item?.text).toBe("My invoice INV-2041 is charged twice");
  }, 120_000);
});
