import { describe, expect, it } from "vitest";
import type { Author, Message, MessageTranslation } from "../core/model.js";
import { failedTranslations, RETRY_PER_CHAT } from "./retry-translations.js";

const failed: MessageTranslation = { text: null, from: "es", to: "en", via: null, edited: false, error: "Apertium APY is unreachable" };
const done: MessageTranslation = { ...failed, text: "Hello", error: null };

function msg(i: number, author: Author, translation: MessageTranslation | null | undefined): Message {
  return { id: `m${i}`, conversationId: "c", clientMessageId: null, author, authorId: null, text: `t${i}`, at: i, nlu: null, translation };
}

describe("failedTranslations", () => {
  it("picks the failed translations of the visitor's, bot's and Baton's messages, never the agent's, nor translated or untranslated ones", () => {
    const messages = [msg(1, "visitor", failed), msg(2, "visitor", done), msg(3, "agent", failed), msg(4, "bot", failed), msg(5, "system", failed), msg(6, "visitor", null), msg(7, "visitor", undefined)];
    expect(failedTranslations(messages).map((m) => m.id)).toEqual(["m1", "m4", "m5"]);
  });

  it("keeps the last RETRY_PER_CHAT of them, in order", () => {
    const messages = Array.from({ length: RETRY_PER_CHAT + 7 }, (_, i) => msg(i, "visitor", failed));
    const picked = failedTranslations(messages);
    expect(picked).toHaveLength(RETRY_PER_CHAT);
    expect(picked[0]?.id).toBe("m7");
    expect(picked.at(-1)?.id).toBe(`m${RETRY_PER_CHAT + 6}`);
  });
});
