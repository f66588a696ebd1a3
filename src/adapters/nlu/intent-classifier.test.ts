import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCorpus } from "./corpus.js";
import { calibrate, createIntentClassifier } from "./intent-classifier.js";

const text = `
version: 1
settings: { defaultLanguage: en, languages: [en, es], threshold: 0.6 }
intents:
  - name: orders.status
    topic: orders
    utterances: { en: ["where is my order", "track my parcel", "my package has not arrived"], es: ["dónde está mi pedido"] }
    answers: { en: "On its way." }
  - name: billing.charge
    topic: billing
    utterances: { en: ["I was charged twice", "wrong amount on my bill", "refund the double charge"], es: ["me cobraron dos veces"] }
    answers: { en: "Checking." }
  - name: none
    topic: none
    utterances: { en: ["tell me a joke", "what's the weather"] }
    answers: { en: "Sorry?" }
`;
const corpus = parseCorpus(text);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("createIntentClassifier", () => {
  it("trains, caches by corpus hash, then loads the cache", async () => {
    const dir = await mkdtemp(join(tmpdir(), "baton-nlu-"));
    dirs.push(dir);
    const first = await createIntentClassifier(corpus, text, dir);
    expect(first.origin.kind).toBe("trained");
    expect(await readdir(dir)).toHaveLength(1);
    const second = await createIntentClassifier(corpus, text, dir);
    expect(second.origin.kind).toBe("cache");
    expect(await second.classify("where is my parcel", "en")).toEqual(await first.classify("where is my parcel", "en"));
  });

  it("retrains when the cached model is damaged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "baton-nlu-"));
    dirs.push(dir);
    await createIntentClassifier(corpus, text, dir);
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), "{ not json");
    const again = await createIntentClassifier(corpus, text, dir);
    expect(again.origin.kind).toBe("trained");
    expect((await again.classify("I was charged twice", "en")).intent).toBe("billing.charge");
  });

  it("classifies per language, falls back to the default language, and says none with 0 for unknown words", async () => {
    const c = await createIntentClassifier(corpus, text, null);
    expect((await c.classify("¿dónde está mi pedido?", "es")).intent).toBe("orders.status");
    expect((await c.classify("where is my order", "it")).intent).toBe("orders.status");
    expect(await c.classify("zzzz qqqq", "en")).toMatchObject({ intent: "none", confidence: 0 });
    const out = await c.classify("tell me a joke", "en");
    expect(out.intent).toBe("none");
    expect(out.alternatives.every((a) => a.intent !== "none")).toBe(true);
  });

  it("calibrate is monotone in score and coverage and stays in 0..1", () => {
    expect(calibrate(1, 1)).toBe(1);
    expect(calibrate(0, 1)).toBe(0);
    expect(calibrate(0.9, 0.25)).toBeLessThan(calibrate(0.9, 1));
    expect(calibrate(0.5, 1)).toBeLessThan(calibrate(0.9, 1));
    expect(calibrate(2, 5)).toBe(1);
    expect(calibrate(-1, -1)).toBe(0);
  });
});
