import { describe, expect, it } from "vitest";
import type { Message } from "../model.js";
import { detectTrigger } from "./detect-trigger.js";
import { botReportedTurns, checkBotConfidenceDrop } from "./external-bot.js";
import { nlu, turn } from "./test-fixtures.js";
import { DEFAULT_TRIGGER_CONFIG } from "./trigger-config.js";

let n = 0;
const visitor = (text: string): Message => ({ id: `v${++n}`, conversationId: "c", clientMessageId: `k${n}`, author: "visitor", authorId: null, text, at: n, nlu: nlu({ confidence: 0.95 }) });
const bot = (confidence: number | null): Message => ({
  id: `b${++n}`,
  conversationId: "c",
  clientMessageId: null,
  author: "bot",
  authorId: null,
  text: "…",
  at: n,
  nlu: confidence === null ? null : nlu({ intent: "ext", confidence }),
});

describe("an external bot's own readings", () => {
  it("read each visitor turn with the confidence of the first bot turn after it that carries one", () => {
    const messages = [visitor("a"), bot(null), bot(0.3), bot(0.9), visitor("b"), visitor("c"), bot(0.2), visitor("d")];
    const turns = botReportedTurns(messages);
    expect(turns.map((t) => [t.text, t.nlu.confidence, t.nlu.intent])).toEqual([
      ["a", 0.3, "ext"],
      ["c", 0.2, "ext"],
    ]);
  });

  it("hand off on the confidence drop only when the bot's last readings are all low (Baton's own confidence ignored)", () => {
    expect(checkBotConfidenceDrop([visitor("a"), bot(0.3), visitor("b"), bot(0.9)], DEFAULT_TRIGGER_CONFIG)).toBeNull();
    const fired = checkBotConfidenceDrop([visitor("a"), bot(0.9), visitor("b"), bot(0.3), visitor("c"), bot(0.2)], DEFAULT_TRIGGER_CONFIG);
    expect(fired?.kind).toBe("confidence_drop");
    expect(Object.values(fired?.evidence.scores ?? {})).toEqual([0.3, 0.2]);
    expect(checkBotConfidenceDrop([visitor("a"), bot(null), visitor("b"), bot(null)], DEFAULT_TRIGGER_CONFIG)).toBeNull();
  });
});

describe("detectTrigger with some triggers turned off", () => {
  const turns = [turn(1, "I want a refund, get me a human", { explicitHumanRequest: { requested: true, evidence: "get me a human" } })];
  it("skips the kinds not enabled and still finds the others", () => {
    expect(detectTrigger({ turns, customer: null }, DEFAULT_TRIGGER_CONFIG)?.kind).toBe("explicit_request");
    expect(detectTrigger({ turns, customer: null }, DEFAULT_TRIGGER_CONFIG, new Set(["keyword"]))?.kind).toBe("keyword");
    expect(detectTrigger({ turns, customer: null }, DEFAULT_TRIGGER_CONFIG, new Set(["negative_sentiment", "high_value"]))).toBeNull();
  });
});
