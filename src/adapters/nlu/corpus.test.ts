import { describe, expect, it } from "vitest";
import { CorpusError, loadCorpus, parseCorpus } from "./corpus.js";

describe("corpus", () => {
  it("loads the shipped corpus: every intent has a topic and all five languages", async () => {
    const { corpus } = await loadCorpus("config/bot-corpus.yaml");
    expect(corpus.intents.some((i) => i.name === "none")).toBe(true);
    for (const intent of corpus.intents) {
      for (const lang of ["en", "es", "fr", "de", "pt"]) {
        expect(intent.utterances[lang]?.length ?? 0, `${intent.name} ${lang}`).toBeGreaterThan(0);
        expect(intent.answers[lang], `${intent.name} ${lang}`).toBeTruthy();
      }
    }
  });

  it("names every problem of an invalid corpus", () => {
    const bad = `
version: 1
settings: { defaultLanguage: en, languages: [en], threshold: 2 }
intents:
  - name: a
    topic: weather
    fields: [order_number]
    utterances: { en: ["x"] }
    answers: { en: "y" }
`;
    expect(() => parseCorpus(bad, "bad.yaml")).toThrow(CorpusError);
    try {
      parseCorpus(bad, "bad.yaml");
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("bad.yaml");
      expect(message).toContain("settings.threshold");
      expect(message).toContain("intents.0.topic");
    }
  });

  it("rejects a corpus without a none intent, and broken YAML", () => {
    const noNone = `
version: 1
settings: { defaultLanguage: en, languages: [en], threshold: 0.5 }
intents:
  - { name: a, topic: billing, utterances: { en: ["x"] }, answers: { en: "y" } }
`;
    expect(() => parseCorpus(noNone)).toThrow(/none/);
    expect(() => parseCorpus("a: [")).toThrow(/not valid YAML/);
  });

  it("reports a missing file clearly", async () => {
    await expect(loadCorpus("config/does-not-exist.yaml")).rejects.toThrow(/cannot read the bot corpus/);
  });
});
