import { describe, expect, it } from "vitest";
import { handoffAt } from "./handoff.fixture.js";
import { TRIGGER_KINDS } from "../model.js";
import { handoffsByTrigger } from "./handoffs-by-trigger.js";
import { repeatQuestionRate } from "./repeat-question-rate.js";

describe("repeatQuestionRate", () => {
  it("gives the share of repeated handoffs, overall and per rule", () => {
    const r = repeatQuestionRate([
      { handoffId: "h1", ruleId: "vip", repeated: true },
      { handoffId: "h2", ruleId: "vip", repeated: false },
      { handoffId: "h3", ruleId: "billing", repeated: false },
      { handoffId: "h4", ruleId: "vip", repeated: false },
      // h3 flagged twice: counts once, repeated because one flag says so.
      { handoffId: "h3", ruleId: "billing", repeated: true },
    ]);
    expect(r).toEqual({
      count: 4,
      repeated: 2,
      rate: 0.5,
      byRule: [
        { ruleId: "vip", count: 3, repeated: 1, rate: 1 / 3 },
        { ruleId: "billing", count: 1, repeated: 1, rate: 1 },
      ],
    });
  });

  it("has no rate without handoffs", () => {
    expect(repeatQuestionRate([])).toEqual({ count: 0, repeated: 0, rate: null, byRule: [] });
  });
});

describe("handoffsByTrigger", () => {
  it("counts every trigger kind, zeros included", () => {
    const rows = handoffsByTrigger([
      handoffAt(1, { kind: "keyword" }),
      handoffAt(2, { kind: "keyword" }),
      handoffAt(3, { kind: "high_value" }),
    ]);
    expect(rows).toHaveLength(TRIGGER_KINDS.length);
    expect(rows[0]).toEqual({ kind: "explicit_request", count: 0 });
    expect(rows.find((r) => r.kind === "keyword")?.count).toBe(2);
    expect(rows.find((r) => r.kind === "high_value")?.count).toBe(1);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(3);
  });
});
