import { describe, expect, it } from "vitest";
import { detectHumanRequest } from "./human-request.js";

const yes = [
  ["agent", "en"],
  ["human please", "en"],
  ["I want to talk to a human", "en"],
  ["can I speak to someone real?", "en"],
  ["connect me with a representative", "en"],
  ["let me chat with a live person", "en"],
  ["i need to tlak to an agnet", "en"],
  ["reprsentative", "en"],
  ["you are useless, I have to talk to somebody", "en"],
  ["quiero hablar con una persona", "es"],
  ["pásame con un agente por favor", "es"],
  ["je veux parler à un conseiller", "fr"],
  ["un humain svp", "fr"],
  ["Ich möchte mit einem Mitarbeiter sprechen", "de"],
  ["verbinden Sie mich mit einem Menschen", "de"],
  ["quero falar com um atendente", "pt"],
  ["hola, I need to speak with an agent", "mixed"],
] as const;

const no = [
  ["no need for an agent", "en"],
  ["I don't want a human, just tell me the price", "en"],
  ["I do not need an operator", "en"],
  ["are you a human?", "en"],
  ["the delivery agent left my parcel outside", "en"],
  ["how can I reach customer assistance?", "en"],
  ["where is my order", "en"],
  ["no quiero hablar con un agente", "es"],
  ["pas besoin d'un conseiller", "fr"],
  ["ich brauche keinen Mitarbeiter", "de"],
  ["não preciso de atendente", "pt"],
  ["", "empty"],
] as const;

describe("detectHumanRequest", () => {
  it.each(yes)("requests a human: %s (%s)", (text) => {
    const result = detectHumanRequest(text);
    expect(result.requested).toBe(true);
    expect(result.evidence).not.toBeNull();
    expect(text).toContain(result.evidence);
  });

  it.each(no)("does not request a human: %s (%s)", (text) => {
    expect(detectHumanRequest(text)).toEqual({ requested: false, evidence: null });
  });

  it("takes a later positive clause after a negated one", () => {
    expect(detectHumanRequest("I don't want the bot, I want a human").requested).toBe(true);
  });

  it("handles a very long message without throwing", () => {
    const text = `${"blah ".repeat(5000)} talk to an agent`;
    expect(detectHumanRequest(text).requested).toBe(true);
  });
});
