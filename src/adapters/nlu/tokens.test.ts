import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, fold, tokenize } from "./tokens.js";

describe("tokens", () => {
  it("folds accents, case and curly apostrophes", () => {
    expect(fold("Pásame")).toBe("pasame");
    expect(tokenize("Don’t wait!").map((t) => t.norm)).toEqual(["don't", "wait"]);
  });

  it("keeps spans that point into the original text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const t of tokenize(text)) expect(fold(text.slice(t.start, t.end))).toBe(t.norm);
      }),
    );
  });

  it("counts a transposition as one edit and stops past max", () => {
    expect(editDistance("agnet", "agent", 2)).toBe(1);
    expect(editDistance("human", "humna", 1)).toBe(1);
    expect(editDistance("representative", "abc", 2)).toBe(3);
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => editDistance(a, b, 20) === editDistance(b, a, 20)));
  });
});
