import { describe, expect, it } from "vitest";
import { handoffAt, s } from "./handoff.fixture.js";
import { secondsToFirstHuman, timeToFirstHuman } from "./time-to-first-human.js";

const rules = [
  { id: "vip", name: "VIP" },
  { id: "billing", name: "Billing" },
  { id: "tech", name: "Technical" },
];

describe("timeToFirstHuman", () => {
  it("measures trigger → first human per rule, counting but not timing the unanswered", () => {
    const handoffs = [
      // vip: 10 s, 20 s, 40 s answered; one unanswered.
      handoffAt(100, { ruleId: "vip", firstHumanAt: s(110) }),
      handoffAt(200, { ruleId: "vip", firstHumanAt: s(220) }),
      handoffAt(300, { ruleId: "vip", firstHumanAt: s(340) }),
      handoffAt(400, { ruleId: "vip" }),
      // billing: one answer after 90 s.
      handoffAt(500, { ruleId: "billing", firstHumanAt: s(590) }),
      // a rule no longer in config.
      handoffAt(600, { ruleId: "old", firstHumanAt: s(605) }),
    ];
    expect(timeToFirstHuman(handoffs, rules)).toEqual([
      // sorted 10 20 40: p50 = 20; p90 → h = 1.8 → 20 + 0.8·20 = 36.
      { ruleId: "vip", ruleName: "VIP", count: 4, answered: 3, p50: 20, p90: 36 },
      { ruleId: "billing", ruleName: "Billing", count: 1, answered: 1, p50: 90, p90: 90 },
      { ruleId: "tech", ruleName: "Technical", count: 0, answered: 0, p50: null, p90: null },
      { ruleId: "old", ruleName: "old", count: 1, answered: 1, p50: 5, p90: 5 },
    ]);
  });

  it("starts the clock at the trigger, not at handoff creation", () => {
    const h = handoffAt(100, { createdAt: s(103), firstHumanAt: s(130) });
    expect(secondsToFirstHuman(h)).toBe(30);
    expect(secondsToFirstHuman(handoffAt(100))).toBeNull();
  });
});
