import { beforeAll, describe, expect, it } from "vitest";
import { createLanguageDetector, type LanguageDetector, withoutTitles } from "./language-detector.js";

let detector: LanguageDetector;
beforeAll(async () => {
  detector = await createLanguageDetector({ size: "large", fallback: "en" });
});

describe("createLanguageDetector", () => {
  it.each([
    ["where is my order?", "en"],
    ["¿dónde está mi pedido?", "es"],
    ["où est ma commande ?", "fr"],
    ["wo ist meine Bestellung?", "de"],
    ["onde está o meu pedido?", "pt"],
    ["dov'è il mio ordine?", "it"],
  ])("%s → %s", (text, lang) => {
    expect(detector.detect(text).language).toBe(lang);
  });

  it("reads a request without the title it quotes: a German request for an English song is German", () => {
    expect(withoutTitles("Spiel bitte Stairway to Heaven von Led Zeppelin")).toBe("Spiel bitte");
    expect(withoutTitles('Ich suche "The Sound of Silence" heute')).toBe("Ich suche heute");
    expect(withoutTitles("where is my order 12345?")).toBe("where is my order 12345?");
    expect(detector.detect("Spiel bitte Stairway to Heaven von Led Zeppelin").language).toBe("de");
    expect(detector.detect("Please play Stairway to Heaven").language).toBe("en");
  });

  it("uses function words when eld is unsure about a greeting", () => {
    expect(detector.detect("hi").language).toBe("en");
  });

  it("keeps the previous language for short, ambiguous follow-ups", () => {
    expect(detector.detect("ok", "pt").language).toBe("pt");
    expect(detector.detect("ok", "pt").confidence).toBeLessThanOrEqual(0.5);
  });

  it("does not keep the previous language against a clear long message", () => {
    expect(detector.detect("Ich möchte bitte mit jemandem über meine Rechnung sprechen", "en").language).toBe("de");
  });

  it("returns the previous language (or the fallback) with confidence 0 when there are no letters", () => {
    expect(detector.detect("12345 !!!", "fr")).toEqual({ language: "fr", confidence: 0 });
    expect(detector.detect("")).toEqual({ language: "en", confidence: 0 });
  });

  it("gives confidences in 0..1", () => {
    for (const text of ["a", "hello there", "x".repeat(5000), "日本語のテキスト"]) {
      const { confidence } = detector.detect(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
