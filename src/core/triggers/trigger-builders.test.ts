import { describe, expect, it } from "vitest";
import { botApiTrigger, transferTrigger } from "./trigger-builders.js";

describe("trigger builders", () => {
  it("transferTrigger carries the agent and note", () => {
    expect(transferTrigger(5, "a1", "needs billing")).toEqual({
      kind: "agent_transfer",
      at: 5,
      reason: "transferred by a1: needs billing",
      evidence: { messageIds: [], scores: {} },
    });
  });
  it("botApiTrigger copies the scores", () => {
    const scores = { confidence: 0.2 };
    const t = botApiTrigger(7, "out of scope", scores);
    expect(t).toEqual({ kind: "bot_api", at: 7, reason: "out of scope", evidence: { messageIds: [], scores: { confidence: 0.2 } } });
    expect(t.evidence.scores).not.toBe(scores);
    expect(botApiTrigger(7, "x").evidence.scores).toEqual({});
  });
});
