import { describe, expect, it } from "vitest";
import { handoffAt, s } from "./handoff.fixture.js";
import { computeSeamReport, type SeamReportInput } from "./seam-report.js";
import { csvCell, seamReportRows, seamReportToCsv } from "./seam-report-csv.js";

const rules = [
  { id: "vip", name: "VIP, fast" },
  { id: "billing", name: "Billing" },
];

/** A window [1000 s, 2000 s) with one handoff before it and one after, judged at 1900 s. */
function input(): SeamReportInput {
  return {
    from: s(1000),
    to: s(2000),
    now: s(1900),
    rules,
    handoffs: [
      handoffAt(900, { id: "early", ruleId: "vip", firstHumanAt: s(901) }),
      handoffAt(1000, {
        id: "a",
        ruleId: "vip",
        kind: "high_value",
        slaDeadline: s(1030),
        estimate: { seconds: 20, bucket: "under 1 minute" },
        assignedAt: s(1010),
        firstHumanAt: s(1012),
      }),
      handoffAt(1100, {
        id: "b",
        ruleId: "billing",
        kind: "keyword",
        slaDeadline: s(1160),
        estimate: { seconds: 60, bucket: "under 2 minutes" },
        assignedAt: s(1190),
        firstHumanAt: s(1200),
      }),
      handoffAt(1880, { id: "c", ruleId: "billing", kind: "keyword", slaDeadline: s(1940) }),
      handoffAt(2000, { id: "late", ruleId: "vip" }),
    ],
    csat: [
      { score: 5, segment: "post_handoff", at: s(1500) },
      { score: 3, segment: "post_handoff", at: s(1600) },
      { score: 4, segment: "human_only", at: s(1700) },
      { score: 1, segment: "human_only", at: s(2500) },
    ],
    repeatFlags: [
      { handoffId: "a", ruleId: "vip", repeated: false },
      { handoffId: "b", ruleId: "billing", repeated: true },
      { handoffId: "early", ruleId: "vip", repeated: true },
    ],
  };
}

describe("computeSeamReport", () => {
  const report = computeSeamReport(input());

  it("keeps only the window's records", () => {
    expect(report.handoffCount).toBe(3);
    expect(report.generatedAt).toBe(s(1900));
    expect(report.triggers.filter((t) => t.count > 0)).toEqual([
      { kind: "keyword", count: 2 },
      { kind: "high_value", count: 1 },
    ]);
    expect(report.repeatQuestions).toMatchObject({ count: 2, repeated: 1, rate: 0.5 });
  });

  it("counts the chats served through translation among the window's conversations (issue 15)", () => {
    const byId = new Map(input().handoffs.map((h) => [h.id, h.conversationId]));
    const translatedChats = [
      { conversationId: byId.get("a") as string, messages: 4, failed: 1 },
      { conversationId: byId.get("b") as string, messages: 0, failed: 0 },
      { conversationId: byId.get("early") as string, messages: 3, failed: 0 },
    ];
    const r = computeSeamReport({ ...input(), translatedChats });
    expect(r.translation).toEqual({ chats: 1, messages: 4, failed: 1 });
    expect(seamReportRows(r).filter((row) => row.section === "translation").map((row) => [row.metric, row.value])).toEqual([
      ["chats", 1],
      ["messages", 4],
      ["failed", 1],
    ]);
    expect(report.translation).toEqual({ chats: 0, messages: 0, failed: 0 });
  });

  it("combines every measurement with the answers worked out by hand", () => {
    // a: 12 s, b: 100 s, c unanswered.
    expect(report.timeToFirstHuman.overall).toMatchObject({ count: 2, p50: 56, mean: 56 });
    expect(report.timeToFirstHuman.byRule).toEqual([
      { ruleId: "vip", ruleName: "VIP, fast", count: 1, answered: 1, p50: 12, p90: 12 },
      { ruleId: "billing", ruleName: "Billing", count: 2, answered: 1, p50: 100, p90: 100 },
    ]);
    // a met (1012 ≤ 1030); b breached (1200 > 1160); c pending (now 1900 ≤ 1940).
    expect(report.sla).toEqual([
      { ruleId: "vip", total: 1, met: 1, breached: 0, pending: 0, attainment: 1 },
      { ruleId: "billing", total: 2, met: 0, breached: 1, pending: 1, attainment: 0 },
    ]);
    // a waited 10 s for "under 1 minute" (error 10, within); b 90 s for "under 2 minutes" (error 30, within).
    expect(report.waitEstimate).toMatchObject({ count: 2, meanAbsErrorSeconds: 20, withinBucketRate: 1 });
    expect(report.csat.segments.map((c) => [c.segment, c.count, c.mean])).toEqual([
      ["bot_only", 0, null],
      ["post_handoff", 2, 4],
      ["human_only", 1, 4],
    ]);
    expect(report.csat.postHandoffVsHumanOnly).toEqual({ diff: 0, ci95: null });
  });
});

describe("seamReportToCsv", () => {
  const report = computeSeamReport(input());

  it("writes one long-format CSV", () => {
    const lines = seamReportToCsv(report).split("\r\n");
    expect(lines[0]).toBe("section,key,metric,value");
    expect(lines.at(-1)).toBe("");
    expect(lines).toContain("report,,from_iso,1970-01-01T00:16:40.000Z");
    expect(lines).toContain("sla,billing,attainment,0");
    expect(lines).toContain('time_to_first_human,vip,rule_name,"VIP, fast"');
    expect(lines).toContain("csat,bot_only,mean,");
    expect(lines).toContain("wait_estimate,under 2 minutes,mean_actual_seconds,90");
    expect(lines).toHaveLength(seamReportRows(report).length + 2);
  });

  it("quotes and defuses text cells", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-2+3,x")).toBe(`"'-2+3,x"`);
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell(null)).toBe("");
  });
});
