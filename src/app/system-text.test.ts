import { describe, expect, it } from "vitest";
import { bucketText, systemText } from "./system-text.js";

describe("systemText", () => {
  it("speaks the conversation's language and fills placeholders", () => {
    expect(systemText("es", "joinedTeam", { name: "María", team: "Billing" })).toBe("María de Billing se ha unido al chat.");
    expect(systemText("de", "queuePosition", { position: 2, wait: bucketText("de", "under 2 minutes") })).toBe(
      "Sie sind Nummer 2 in der Warteschlange. Geschätzte Wartezeit: unter 2 Minuten.",
    );
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
