import { describe, expect, it } from "vitest";
import { handoffAt, s } from "./handoff.fixture.js";
import { computeSeamReport } from "./seam-report.js";
import { seamReportRows } from "./seam-report-csv.js";

const rules = [{ id: "default", name: "Default" }];

describe("the seam split by bot", () => {
  const handoffs = [
    handoffAt(1000, { firstHumanAt: s(1010) }),
    handoffAt(1100, { kind: "bot_api", firstHumanAt: s(1130) }),
    handoffAt(1200, { kind: "bot_unavailable", firstHumanAt: s(1300) }),
    handoffAt(1300, { kind: "confidence_drop" }),
  ];
  const botOf = { c1100: "rasa", c1200: "rasa", c1300: "hook" };
  const csat = [
    { conversationId: "c1000", score: 5, segment: "post_handoff" as const, at: s(1500) },
    { conversationId: "c1100", score: 2, segment: "post_handoff" as const, at: s(1500) },
    { conversationId: "c9", score: 4, segment: "bot_only" as const, at: s(1500) },
  ];
  const report = computeSeamReport({ handoffs, csat, repeatFlags: [{ handoffId: "h1100", ruleId: "default", repeated: true }], rules, from: s(0), to: s(5000), now: s(1400), botOf });

  it("judges Baton's own bot and each external bot side by side", () => {
    const byBot = report.byBot ?? [];
    expect(byBot.map((b) => [b.bot, b.handoffCount])).toEqual([
      ["builtin", 1],
      ["hook", 1],
      ["rasa", 2],
    ]);
    const rasa = byBot.find((b) => b.bot === "rasa");
    expect(rasa?.triggers).toEqual([
      { kind: "bot_api", count: 1 },
      { kind: "bot_unavailable", count: 1 },
    ]);
    expect(rasa?.timeToFirstHuman.count).toBe(2);
    expect(rasa?.sla).toMatchObject({ total: 2, met: 1, breached: 1, attainment: 0.5 });
    expect(rasa?.repeatQuestions).toEqual({ count: 1, repeated: 1, rate: 1 });
    const builtin = byBot.find((b) => b.bot === "builtin");
    expect(builtin?.csat.find((c) => c.segment === "post_handoff")?.count).toBe(1);
    expect(builtin?.csat.find((c) => c.segment === "bot_only")?.count).toBe(1);
    expect(byBot.find((b) => b.bot === "hook")?.sla).toMatchObject({ total: 1, met: 0, breached: 1, attainment: 0 });
  });

  it("adds the split to the export, and is absent without botOf", () => {
    const rows = seamReportRows(report);
    expect(rows).toContainEqual({ section: "by_bot", key: "rasa", metric: "handoffs", value: 2 });
    expect(rows).toContainEqual({ section: "by_bot_triggers", key: "rasa/bot_unavailable", metric: "count", value: 1 });
    expect(computeSeamReport({ handoffs, csat, repeatFlags: [], rules, from: s(0), to: s(5000), now: s(1400) }).byBot).toBeUndefined();
  });
});
