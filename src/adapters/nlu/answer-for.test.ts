import { describe, expect, it } from "vitest";
import { answerFor } from "./answer-for.js";
import { parseCorpus } from "./corpus.js";

const corpus = parseCorpus(`
version: 1
settings: { defaultLanguage: en, languages: [en, es], threshold: 0.5 }
fields:
  order_number: { ask: { en: "Your order number?", es: "¿Tu número de pedido?" } }
intents:
  - name: orders.status
    topic: orders
    fields: [order_number]
    utterances: { en: ["where is my order"] }
    answers: { en: "Order {order_number} ships today.", es: "El pedido {order_number} sale hoy." }
  - name: none
    topic: none
    utterances: { en: ["tell me a joke"] }
    answers: { en: "Sorry?" }
`);

describe("answerFor", () => {
  it("asks for a missing field in the visitor's language", () => {
    expect(answerFor(corpus, "orders.status", "es", {})).toEqual({ text: "¿Tu número de pedido?", askField: "order_number" });
  });

  it("answers with the known fields filled in", () => {
    expect(answerFor(corpus, "orders.status", "es", { order_number: "A-1" })).toEqual({ text: "El pedido A-1 sale hoy.", askField: null });
  });

  it("falls back to the default language and to the none intent", () => {
    expect(answerFor(corpus, "orders.status", "de", { order_number: "7" }).text).toBe("Order 7 ships today.");
    expect(answerFor(corpus, "no.such.intent", "en", {})).toEqual({ text: "Sorry?", askField: null });
  });

  it("treats a blank field as missing", () => {
    expect(answerFor(corpus, "orders.status", "en", { order_number: "  " }).askField).toBe("order_number");
  });
});
