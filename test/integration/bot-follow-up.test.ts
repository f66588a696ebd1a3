import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { type VisitorClient, visitor } from "./clients.js";

/**
 * The built-in bot carries an earlier intent over to a message it did not understand only when
 * that message answers the bot's question (the bot asked for the order number; the visitor gives
 * it). Seen by hand: after "Hi", the visitor wrote "I was charged twice for my order A-12345" and
 * the bot answered it with its greeting again, because any message it could not read continued
 * the previous intent, a greeting included.
 */

const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
type Said = { author: string; text: string };

describe("the bot's follow-up on a message it did not understand", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  const open: VisitorClient[] = [];
  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
  });
  afterAll(async () => {
    for (const v of open) v.close();
    await baton?.close();
  });

  const botLines = (v: VisitorClient): string[] => v.events.flatMap((e) => (e.event === "message" && (e.payload as Said).author === "bot" ? [(e.payload as Said).text] : []));
  const botSays = async (v: VisitorClient, text: string): Promise<string | undefined> => {
    const before = botLines(v).length;
    expect((await v.say(text)).ok).toBe(true);
    await v.waitFor<Said>("message", (m) => m.author === "bot" && botLines(v).length > before);
    return botLines(v).at(-1);
  };

  it("never repeats a greeting to a message it could not read; says it did not understand", async () => {
    const v = await visitor(baton.url);
    open.push(v);
    expect(await botSays(v, "Hi")).toBe("Hi! How can I help you today?");
    const reply = await botSays(v, "I was charged twice for my order A-12345");
    expect(reply).toBe("I'm not sure I understood. Could you tell me a bit more about what you need?");
  });

  it("still continues the intent whose question the message answers", async () => {
    const v = await visitor(baton.url);
    open.push(v);
    expect(await botSays(v, "where is my order")).toBe("Could you give me your order number?");
    expect(await botSays(v, "A-12345")).toBe("Order A-12345 is on its way; you can follow it with the tracking link in your confirmation e-mail.");
  });

  it("routes an order question by the order: not by the bare order number given as asked, nor by the words around a Spanish request for a person", async () => {
    const v = await visitor(baton.url, { locale: "es-ES" });
    open.push(v);
    expect(await botSays(v, "¿Dónde está mi pedido?")).toBe("¿Me indicas tu número de pedido?");
    expect(await botSays(v, "A-77881")).toBe("El pedido A-77881 está en camino; puedes seguirlo con el enlace del correo de confirmación.");
    expect((await v.say("Quiero hablar con una persona, por favor")).ok).toBe(true);
    await v.waitFor<{ state: string }>("status", (s) => s.state !== "bot");
    const [handoff] = await baton.store.conversations.listHandoffs(v.conversationId);
    // Orders go to the general rule; the number ("billing.invoice", 0.90) and "Quiero …, por favor" ("billing.charge") once sent it to billing.
    expect(handoff?.ruleId).toBe("general");
  });
});
