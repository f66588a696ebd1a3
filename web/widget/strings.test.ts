import { describe, expect, it } from "vitest";
import { LANGUAGES, localizeBucket, pickLanguage, replyWhen, translator } from "../shared/i18n.js";

describe("pickLanguage", () => {
  it("uses the requested language when supported, else the browser's, else English", () => {
    expect(pickLanguage("fr", ["de"])).toBe("fr");
    expect(pickLanguage("pt-BR", [])).toBe("pt");
    expect(pickLanguage("auto", ["it-IT", "de-AT", "en"])).toBe("de");
    expect(pickLanguage("ja", ["ES-mx"])).toBe("es");
    expect(pickLanguage(undefined, ["zh"])).toBe("en");
  });
});

describe("translator", () => {
  it("has every string in every language, with the same placeholders as English", () => {
    const en = translator("en");
    const keys = ["queued", "queuedWait", "offerText", "asyncPromise", "asyncDone", "csatStar", "typing", "error", "subtitleAgent"] as const;
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const key of keys) {
        const vars = { position: 7, bucket: "B", when: "W", n: 3, name: "N", message: "M" };
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(t(key)), `${lang}.${key}`).toEqual(placeholders(en(key)));
        expect(t(key, vars)).not.toMatch(/\{\w+\}/);
      }
    }
    expect(translator("de")("queued", { position: 2 })).toBe("Sie sind Nummer 2 in der Warteschlange");
  });
});

describe("localizeBucket", () => {
  it("translates the server's wait buckets and leaves anything else alone", () => {
    expect(localizeBucket("under 1 minute", translator("es"))).toBe("menos de 1 minuto");
    expect(localizeBucket("about 8 minutes", translator("fr"))).toBe("environ 8 minutes");
    expect(localizeBucket("under 90 seconds", translator("de"))).toBe("unter 90 Sekunden");
    expect(localizeBucket("soon", translator("pt"))).toBe("soon");
  });
});

describe("replyWhen", () => {
  it("puts the promised time after its preposition, and says 'as soon as possible' when the team is open now", () => {
    expect(translator("en")("asyncPromise", { when: replyWhen("Monday 8:00 AM (Paris)", translator("en")) })).toBe(
      "We will reply by e-mail by Monday 8:00 AM (Paris).",
    );
    expect(translator("en")("asyncPromise", { when: replyWhen("as soon as possible", translator("en")) })).toBe("We will reply by e-mail as soon as possible.");
    expect(replyWhen("lunes 8:00", translator("es"))).toBe("antes de lunes 8:00");
    expect(replyWhen("as soon as possible", translator("fr"))).toBe("dès que possible");
  });
});
