import { describe, expect, it } from "vitest";
import { handoffAt, s } from "./handoff.fixture.js";
import { slaAttainment, slaOutcome } from "./sla-attainment.js";

describe("slaOutcome", () => {
  const h = handoffAt(0, { slaDeadline: s(30) });
  it("is met at or before the deadline, breached after", () => {
    expect(slaOutcome({ ...h, firstHumanAt: s(30) }, s(999))).toBe("met");
    expect(slaOutcome({ ...h, firstHumanAt: s(30) + 1 }, s(31))).toBe("breached");
  });
  it("is pending while unanswered up to the deadline, breached past it", () => {
    expect(slaOutcome(h, s(30))).toBe("pending");
    expect(slaOutcome(h, s(30) + 1)).toBe("breached");
  });
});

describe("slaAttainment", () => {
  it("counts per rule and leaves pending out of the denominator", () => {
    const now = s(1000);
    const handoffs = [
      handoffAt(100, { ruleId: "vip", slaDeadline: s(130), firstHumanAt: s(120) }), // met
      handoffAt(200, { ruleId: "vip", slaDeadline: s(230), firstHumanAt: s(230) }), // met (on the deadline)
      handoffAt(300, { ruleId: "vip", slaDeadline: s(330), firstHumanAt: s(400) }), // breached
      handoffAt(400, { ruleId: "vip", slaDeadline: s(430) }), // unanswered, past: breached
      handoffAt(990, { ruleId: "vip", slaDeadline: s(1020) }), // unanswered, not yet due: pending
      handoffAt(995, { ruleId: "billing", slaDeadline: s(1055) }), // pending only
    ];
    expect(slaAttainment(handoffs, now)).toEqual([
      { ruleId: "vip", total: 5, met: 2, breached: 2, pending: 1, attainment: 0.5 },
      { ruleId: "billing", total: 1, met: 0, breached: 0, pending: 1, attainment: null },
    ]);
  });

  it("follows the rules order when given, empty rules included", () => {
    const rows = slaAttainment([handoffAt(0, { ruleId: "b", firstHumanAt: s(1) })], s(5), [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
    ]);
    expect(rows.map((r) => [r.ruleId, r.total, r.attainment])).toEqual([
      ["a", 0, null],
      ["b", 1, 1],
    ]);
  });
});
