import { describe, expect, it } from "vitest";
import { detectHumanRequest, phraseTable } from "./human-request.js";

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
  ["is someone available to help me?", "en"],
  ["¿hay alguien disponible?", "es"],
  ["quiero hablar con una persona", "es"],
  ["pásame con un agente por favor", "es"],
  ["je veux parler à un conseiller", "fr"],
  ["un humain svp", "fr"],
  ["Ich möchte mit einem Mitarbeiter sprechen", "de"],
  ["verbinden Sie mich mit einem Menschen", "de"],
  ["quero falar com um atendente", "pt"],
  ["hola, I need to speak with an agent", "mixed"],
  ["vorrei parlare con un operatore", "it"],
  ["passami un umano per favore", "it"],
  ["ik wil graag een medewerker spreken", "nl"],
  ["kan ik met iemand praten?", "nl"],
  ["担当者と話したいです", "ja"],
  ["オペレーターにつないでください", "ja"],
  ["我要转人工客服", "zh"],
  ["请帮我联系客服", "zh"],
  ["أريد التحدث مع موظف", "ar"],
  ["ممكن اكلم شخص حقيقي", "ar"],
] as const;

const no = [
  ["no need for an agent", "en"],
  ["I don't want a human, just tell me the price", "en"],
  ["I do not need an operator", "en"],
  ["are you a human?", "en"],
  ["the delivery agent left my parcel outside", "en"],
  ["how can I reach customer assistance?", "en"],
  ["where is my order", "en"],
  ["is this offer available for anyone?", "en"],
  ["no quiero hablar con un agente", "es"],
  ["pas besoin d'un conseiller", "fr"],
  ["ich brauche keinen Mitarbeiter", "de"],
  ["não preciso de atendente", "pt"],
  ["non ho bisogno di un operatore", "it"],
  ["ik heb geen medewerker nodig", "nl"],
  ["担当者は要りません", "ja"],
  ["不需要人工客服", "zh"],
  ["لا اريد موظف", "ar"],
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

  it("takes extra phrases from config for other languages", () => {
    const table = phraseTable({ ko: { phrases: ["상담원"], negations: ["필요 없"] } });
    expect(detectHumanRequest("상담원 연결해 주세요", undefined, table).requested).toBe(true);
    expect(detectHumanRequest("상담원 필요 없어요", undefined, table).requested).toBe(false);
    expect(detectHumanRequest("상담원 연결해 주세요").requested).toBe(false);
  });

  it("handles a very long message without throwing", () => {
    const text = `${"blah ".repeat(5000)} talk to an agent`;
    expect(detectHumanRequest(text).requested).toBe(true);
  });
});
