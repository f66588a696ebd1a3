import { describe, expect, it } from "vitest";
import { bucketText, systemText } from "./system-text.js";

describe("systemText", () => {
  it("speaks the conversation's language and fills placeholders", () => {
    expect(systemText("es", "joinedTeam", { name: "María", team: "Billing" })).toBe("María de Billing se ha unido al chat.");
    expect(systemText("de", "queuePosition", { position: 2, wait: bucketText("de", "under 2 minutes") })).toBe(
      "Sie sind Nummer 2 in der Warteschlange. Geschätzte Wartezeit: unter 2 Minuten.",
    );
  });
  it("offers the async path with a stated time in every language, and never says 'as soon as possible' in a promise", () => {
    const why = systemText("es", "nobodyNow");
    expect(systemText("es", "noLiveOption", { why, when: systemText("es", "by", { time: "martes, 11:05 (Paris)" }) })).toBe(
      "Ahora mismo no hay nadie disponible que pueda ayudarte con esto. Puedes seguir esperando aquí y la primera persona que vuelva te atenderá, o dejarnos un mensaje con tu correo y te responderemos antes del martes, 11:05 (Paris).",
    );
    for (const lang of ["en", "es", "fr", "de", "pt"]) {
      for (const key of ["noLiveOption", "leaveMessage", "longWait", "messageLeft"] as const) {
        expect(systemText(lang, key)).toContain("{when}");
      }
    }
  });
  it("falls back to English for other languages and keeps unknown placeholders visible", () => {
    expect(systemText("ja", "joined", { name: "Tom" })).toBe("Tom has joined the chat.");
    expect(systemText("en", "joined")).toBe("{name} has joined the chat.");
  });
  it("translates the core's wait buckets", () => {
    expect(bucketText("fr", "under 1 minute")).toBe("moins d'1 minute");
    expect(bucketText("pt", "about 8 minutes")).toBe("cerca de 8 minutos");
    expect(bucketText("es", "something else")).toBe("something else");
  });
});
