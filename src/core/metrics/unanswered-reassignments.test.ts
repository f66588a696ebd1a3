import { describe, expect, it } from "vitest";
import { handoffAt } from "./handoff.fixture.js";
import { unansweredReassignments } from "./unanswered-reassignments.js";

describe("unanswered reassignments per rule", () => {
  it("counts the handoffs taken back from an agent who did not answer, and how many times", () => {
    const twice = handoffAt(10, { id: "a", ruleId: "billing", unansweredReassignments: 2 });
    const answered = handoffAt(20, { id: "b", ruleId: "billing" });
    const vip = handoffAt(30, { id: "c", ruleId: "vip", unansweredReassignments: 1 });
    expect(unansweredReassignments([twice, answered, vip], [{ id: "billing", name: "Billing" }, { id: "tech", name: "Tech" }])).toEqual([
      { ruleId: "billing", handoffs: 2, reassigned: 1, times: 2 },
      { ruleId: "tech", handoffs: 0, reassigned: 0, times: 0 },
      { ruleId: "vip", handoffs: 1, reassigned: 1, times: 1 },
    ]);
  });
});
