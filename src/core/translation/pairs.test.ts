import { describe, expect, it } from "vitest";
import { toAlpha2, toAlpha3 } from "./iso639.js";
import { pairWords, translatableLanguages, translationRoute, withPivots } from "./pairs.js";

/** Debian's apertium-eng-spa, apertium-fr-es and apertium-es-pt, as APY lists them (after 639-3 → 639-1). */
const APERTIUM = [
  { from: "es", to: "en" },
  { from: "en", to: "es" },
  { from: "fr", to: "es" },
  { from: "es", to: "fr" },
  { from: "es", to: "pt" },
  { from: "pt", to: "es" },
];

describe("translation pairs", () => {
  it("adds a pivot through a third language where no direct pair exists, and keeps direct pairs direct", () => {
    const pairs = withPivots(APERTIUM);
    expect(pairs).toContainEqual({ from: "es", to: "en", via: null });
    expect(pairs).toContainEqual({ from: "fr", to: "en", via: "es" });
    expect(pairs).toContainEqual({ from: "en", to: "pt", via: "es" });
    expect(pairs).toContainEqual({ from: "fr", to: "pt", via: "es" });
    expect(pairs.filter((p) => p.from === p.to)).toEqual([]);
    expect(withPivots([...APERTIUM].reverse())).toEqual(pairs);
  });

  it("serves a visitor language only both ways and only while healthy; direct before a pivot", () => {
    const pairs = withPivots(APERTIUM);
    const route = translationRoute({ healthy: true, pairs }, ["de", "en"], "fr");
    expect(route).toMatchObject({ visitor: "fr", agent: "en", inbound: { via: "es" }, outbound: { via: "es" } });
    expect(translationRoute({ healthy: true, pairs }, ["pt", "en"], "es")?.agent).toBe("pt");
    expect(translationRoute({ healthy: true, pairs }, ["en", "pt"], "es")?.agent).toBe("en");
    expect(translationRoute({ healthy: false, pairs }, ["en"], "es")).toBeNull();
    const oneWay = withPivots([{ from: "ja", to: "en" }]);
    expect(translationRoute({ healthy: true, pairs: oneWay }, ["en"], "ja")).toBeNull();
    expect(translatableLanguages({ healthy: true, pairs }, ["en"])).toEqual({ es: "en", fr: "en", pt: "en" });
    expect(translatableLanguages({ healthy: false, pairs }, ["en"])).toEqual({});
  });

  it("speaks Apertium's ISO 639-3 codes at its edge, and says a pivot", () => {
    expect(toAlpha3("es")).toBe("spa");
    expect(toAlpha2("spa")).toBe("es");
    expect(toAlpha2("eng_US")).toBeNull();
    expect(toAlpha2("por_BR")).toBeNull();
    expect(pairWords({ from: "es", to: "en", via: null })).toBe("spa→eng");
    expect(pairWords({ from: "fr", to: "en", via: "es" })).toBe("fra→spa→eng");
  });
});
