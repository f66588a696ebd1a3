import { describe, expect, it } from "vitest";
import { withPivots } from "../core/translation/pairs.js";
import { type Translator, TranslatorError } from "../ports/translator.js";
import { TranslationDesk } from "./translation-desk.js";

const PAIRS = withPivots([
  { from: "es", to: "en" },
  { from: "en", to: "es" },
]);

/** A translator whose answers the test decides: healthy or not, answering, failing, or never answering. */
function scripted(state: { healthy: boolean; mode: "answer" | "fail" | "hang" }): Translator {
  return {
    name: "scripted",
    pairs: async () => PAIRS,
    health: async () => (state.healthy ? { healthy: true } : { healthy: false, message: "down" }),
    translate: (text, from, to) => {
      if (state.mode === "hang") return new Promise(() => {});
      if (state.mode === "fail") return Promise.reject(new TranslatorError("unavailable", "Apertium APY is unreachable"));
      return Promise.resolve({ text: `[${to}] ${text}`, from, to, via: null });
    },
  };
}

describe("TranslationDesk", () => {
  it("reports a change of health once, and keeps the pairs it last saw while the translator is down", async () => {
    const state = { healthy: true, mode: "answer" as const };
    const desk = new TranslationDesk(scripted(state), 100);
    expect(await desk.check()).toEqual({ healthy: true, pairs: PAIRS });
    expect(await desk.check()).toBeNull();
    state.healthy = false;
    expect(await desk.check()).toEqual({ healthy: false, pairs: [] });
    const ben = { id: "ben", name: "Ben", email: "b@x", role: "agent" as const, teams: [], skills: [], languages: ["en"], translationEnabled: true, senior: false, cap: 2 };
    expect(desk.routeFor(ben, "es")?.agent).toBe("en");
    expect(desk.routeFor({ ...ben, translationEnabled: false }, "es")).toBeNull();
    expect(desk.routeFor(ben, "en")).toBeNull();
  });

  it("never throws: a failure or a translator past the timeout gives the reason, not a translation", async () => {
    const state = { healthy: true, mode: "answer" as "answer" | "fail" | "hang" };
    const desk = new TranslationDesk(scripted(state), 50);
    expect(await desk.translate("Hola", "es", "en")).toEqual({ text: "[en] Hola", from: "es", to: "en", via: null, edited: false, error: null });
    state.mode = "fail";
    expect(await desk.translate("Hola", "es", "en")).toMatchObject({ text: null, error: "Apertium APY is unreachable" });
    state.mode = "hang";
    expect(await desk.translate("Hola", "es", "en")).toMatchObject({ text: null, error: "the translator did not answer within 50 ms" });
    expect(await new TranslationDesk(null, 50).translate("Hola", "es", "en")).toMatchObject({ text: null, error: "no translator is configured" });
  });

  it("lists the chats served through translation now, and who holds each", () => {
    const desk = new TranslationDesk(scripted({ healthy: true, mode: "answer" }), 50);
    const route = { visitor: "es", agent: "en", inbound: { from: "es", to: "en", via: null }, outbound: { from: "en", to: "es", via: null } };
    desk.setChat("c1", { agentId: "ben", route });
    desk.setChat("c2", { agentId: "eva", route });
    desk.setChat("c1", null);
    expect(desk.heldChats()).toEqual([{ conversationId: "c2", agentId: "eva" }]);
  });
});
