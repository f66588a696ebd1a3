import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTokens, contentTokens, fold, isTriviallyShort, jaccard, paraphraseScore, textSimilarity, words } from "./text-similarity.js";

describe("text similarity", () => {
  it("folds case, accents and curly apostrophes", () => {
    expect(fold("Pásame ÉL’s")).toBe("pasame el's");
    expect(words("Where’s my ORDER?!")).toEqual(["where's", "my", "order"]);
  });
  it("keeps content words only, lightly stemmed", () => {
    expect([...contentTokens("Where are my refunds? Thanks!")]).toEqual(["refund"]);
    expect([...contentTokens("¿Dónde está mi pedido?")]).toEqual(["pedido"]);
    expect([...contentTokens("the refund's status")].sort()).toEqual(["refund", "status"]);
  });
  it("computes Jaccard and text similarity", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(textSimilarity("Reset my password please", "password reset?")).toBe(1);
    expect(textSimilarity("Reset my password", "Change my email")).toBe(0);
  });
  it("calls short or content-free messages trivial", () => {
    expect(isTriviallyShort("my order")).toBe(true);
    expect(isTriviallyShort("yes it is")).toBe(true);
    expect(isTriviallyShort("where is my order")).toBe(false);
  });
  it("similarity is symmetric and within 0..1 for any strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = textSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(textSimilarity(b, a)).toBe(s);
      }),
    );
  });
  it("scores paraphrases by meaning: synonyms, filler, character n-grams", () => {
    expect([...canonicalTokens("where's my package?")]).toEqual(["order"]);
    expect(paraphraseScore("Where is my order?", "where's my package?")).toBe(1);
    expect(paraphraseScore("How do I export my data to CSV?", "how can I export my data as a CSV file?")).toBe(1);
    expect(paraphraseScore("Reset my password", "Change my email")).toBeLessThan(0.3);
    expect(paraphraseScore("", "anything")).toBe(0);
  });
  it("the paraphrase score is symmetric and within 0..1 for any strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = paraphraseScore(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(paraphraseScore(b, a)).toBe(s);
      }),
    );
  });
});
