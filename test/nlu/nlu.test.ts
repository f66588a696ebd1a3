import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { NluResult } from "../../src/core/model.js";
import { answerFor, type BotCorpus, createNlu } from "../../src/adapters/nlu/index.js";
import { DEFAULT_TRIGGER_CONFIG } from "../../src/core/triggers/index.js";
import type { Nlu } from "../../src/ports/nlu.js";

let nlu: Nlu & { corpus: BotCorpus };

beforeAll(async () => {
  // Trains once for the file; later runs load the cached model from .baton/nlu.
  nlu = await createNlu();
});

const read = (text: string, previousLanguage?: string): Promise<NluResult> =>
  nlu.analyze(text, previousLanguage ? { previousLanguage } : undefined);

describe("NLU adapter: per language", () => {
  it.each([
    ["en", "Where is my order? It still hasn't arrived", "orders"],
    ["en", "I was charged twice on my credit card", "billing"],
    ["en", "I forgot my password and can't log in", "account"],
    ["en", "the app keeps crashing since the update", "technical"],
    ["en", "how much does the pro plan cost?", "presale"],
    ["en", "I want to cancel my subscription", "cancellation"],
    ["es", "¿dónde está mi pedido? todavía no ha llegado", "orders"],
    ["es", "me han cobrado dos veces este mes", "billing"],
    ["es", "quiero cancelar mi suscripción", "cancellation"],
    ["fr", "où est ma commande ? je ne l'ai pas reçue", "orders"],
    ["fr", "j'ai oublié mon mot de passe", "account"],
    ["de", "wo ist meine Bestellung? sie ist noch nicht angekommen", "orders"],
    ["de", "die App stürzt ständig ab", "technical"],
    ["pt", "onde está meu pedido? ainda não chegou", "orders"],
    ["pt", "quero meu dinheiro de volta", "cancellation"],
  ])("%s: %s → %s", async (lang, text, topic) => {
    const r = await read(text);
    expect(r.language).toBe(lang);
    expect(r.topic).toBe(topic);
    expect(r.confidence).toBeGreaterThanOrEqual(nlu.corpus.settings.threshold);
    expect(r.explicitHumanRequest.requested).toBe(false);
  });

  it.each([
    ["en", "can I speak to someone real?"],
    ["es", "quiero hablar con un agente"],
    ["fr", "je veux parler à un humain"],
    ["de", "ich möchte mit einem Mitarbeiter sprechen"],
    ["pt", "quero falar com um atendente"],
  ])("%s: explicit human request: %s", async (_lang, text) => {
    const r = await read(text);
    expect(r.explicitHumanRequest.requested).toBe(true);
    expect(r.topic).toBe("human");
    expect(r.confidence).toBeGreaterThanOrEqual(nlu.corpus.settings.threshold);
  });

  it("typos still make an explicit request", async () => {
    const r = await read("i need to tlak to an agnet");
    expect(r.explicitHumanRequest).toEqual({ requested: true, evidence: "need to tlak to an agnet" });
  });

  it.each(["no need for an agent", "I don't want a human", "no quiero hablar con un agente", "ich brauche keinen Mitarbeiter"])(
    "negation is not a request and not the human topic: %s",
    async (text) => {
      const r = await read(text);
      expect(r.explicitHumanRequest).toEqual({ requested: false, evidence: null });
      expect(r.topic).not.toBe("human");
    },
  );
});

describe("NLU adapter: hard input", () => {
  it("empty and whitespace messages give a clear empty reading", async () => {
    for (const text of ["", "   ", "\n\t"]) {
      const r = await read(text, "fr");
      expect(r).toMatchObject({ language: "fr", intent: "none", topic: "none", confidence: 0, entities: [] });
    }
  });

  it("gibberish is 'none' with a low confidence", async () => {
    const r = await read("qwxz vbnm plok");
    expect(r.intent).toBe("none");
    expect(r.confidence).toBeLessThan(nlu.corpus.settings.threshold);
  });

  it("a very long message is read without throwing, fields anywhere in the first 10k chars", async () => {
    const text = `${"Where is my order? It has not arrived yet. ".repeat(200)} order number 99887766`;
    const r = await read(text);
    expect(r.topic).toBe("orders");
    expect(r.entities.map((e) => e.value)).toContain("99887766");
  });

  it("non-string input from a loose caller is coerced, not thrown", async () => {
    const r = await nlu.analyze(undefined as unknown as string);
    expect(r.intent).toBe("none");
  });

  it("mixed languages: the human request is found whatever the language guess", async () => {
    const r = await read("hola, I need to speak with an agent please");
    expect(r.explicitHumanRequest.requested).toBe(true);
  });

  it("short follow-ups keep the conversation language", async () => {
    expect((await read("ok", "de")).language).toBe("de");
    expect((await read("sí", "es")).language).toBe("es");
    expect((await read("merci", "fr")).language).toBe("fr");
  });

  it("never throws and always gives a well-formed reading, for any string", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), async (text) => {
        const r = await read(text);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(Math.abs(r.sentiment.score)).toBeLessThanOrEqual(1);
        expect(nlu.corpus.intents.some((i) => i.name === r.intent) || r.intent === "none").toBe(true);
        for (const e of r.entities) expect(text.slice(e.start, e.end)).toBe(e.value);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("is deterministic", async () => {
    const a = await read("I was charged twice, this is unacceptable!! order 12345678");
    const b = await read("I was charged twice, this is unacceptable!! order 12345678");
    expect(a).toEqual(b);
    expect(a.sentiment.label).toBe("negative");
    expect(a.entities).toContainEqual({ field: "order_number", value: "12345678", start: 50, end: 58 });
  });

  it("sentiment is on one -1..1 scale in every language", async () => {
    for (const [text, label] of [
      ["this is the worst service ever, I am furious", "negative"],
      ["thank you so much, that was great!", "positive"],
      ["el servicio es horrible, estoy harto", "negative"],
      ["c'est nul, le service est en panne depuis des heures", "negative"],
      ["das ist eine Frechheit, es funktioniert nicht", "negative"],
      ["o serviço é péssimo", "negative"],
    ] as const) {
      const r = await read(text);
      expect(r.sentiment.label, text).toBe(label);
      expect(Math.abs(r.sentiment.score)).toBeLessThanOrEqual(1);
    }
  });

  it("answers, or asks for the missing field, in the message language", async () => {
    const r = await read("¿dónde está mi pedido?");
    expect(answerFor(nlu.corpus, r.intent, r.language, {})).toEqual({ text: "¿Me indicas tu número de pedido?", askField: "order_number" });
    const known = Object.fromEntries((await read("where is order 4455667")).entities.map((e) => [e.field, e.value]));
    expect(answerFor(nlu.corpus, "orders.status", "en", known).text).toContain("4455667");
  });
});

describe("NLU adapter: shipped models (issue 13)", () => {
  it.each(["my cat walked on the keyboard", "What is the meaning of life?", "my thingamajig does the wobble"])(
    "off-topic %s is below the threshold",
    async (text) => {
      const r = await read(text);
      expect(r.intent).toBe("none");
      expect(r.confidence).toBeLessThan(nlu.corpus.settings.threshold);
    },
  );
  it.each(["report a sign-up problem", "problems with the lost PIN code", "Why payment failed", "where is my order"])(
    "a plain problem report or question is not frustration: %s",
    async (text) => {
      expect((await read(text)).frustration).toBeLessThan(DEFAULT_TRIGGER_CONFIG.frustrationThreshold);
    },
  );
  it.each(["Suddenly balance gone", "this is ridiculous, third time I ask", "Contact"])("a complaint or plea is frustration: %s", async (text) => {
    expect((await read(text)).frustration).toBeGreaterThanOrEqual(DEFAULT_TRIGGER_CONFIG.frustrationThreshold);
  });
  it("an explicit request about a subject keeps the request and routes by the subject", async () => {
    for (const text of ["Please let me talk to a human about my invoice", "My invoice INV-7 is wrong, I want a human"]) {
      const r = await read(text);
      expect(r.explicitHumanRequest.requested, text).toBe(true);
      expect(r.topic, text).toBe("billing");
    }
    const plain = await read("I want to talk to a human");
    expect(plain.topic).toBe("human");
  });
  it("an INV- id is an invoice number", async () => {
    expect((await read("INV-3001, as I said")).entities.map((e) => [e.field, e.value])).toEqual([["invoice_number", "INV-3001"]]);
  });
  it("explicit requests in it, nl, ja, zh, ar", async () => {
    for (const text of ["vorrei parlare con un operatore", "ik wil een medewerker spreken", "担当者と話したいです", "我要转人工客服", "أريد التحدث مع موظف"]) {
      expect((await read(text)).explicitHumanRequest.requested, text).toBe(true);
    }
  });
});
