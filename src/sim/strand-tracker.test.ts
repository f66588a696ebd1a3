import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTER_OPTIONS } from "../core/routing/index.js";
import { buildRoutingRequest } from "../core/rules/index.js";
import { formatAsyncPath } from "./format-table.js";
import { anyAgentLivePath, batonLivePath } from "./live-path.js";
import { createPolicy } from "./policy.js";
import { policyReport } from "./policy-report.js";
import { runSimulation } from "./run-simulation.js";
import { billingRule, simAgent, T0, traffic } from "./sim.fixture.js";
import { StrandTracker } from "./strand-tracker.js";

describe("the async-path report (the waiting guarantee seen from the simulator)", () => {
  // "bill" works 0-300 s, "late" from 900 s; both billing, English, cap 1.
  const roster = [simAgent("bill"), simAgent("late")];
  const t = traffic([
    { at: 0, handle: 600 }, // bill, until 600 s (past the shift's end)
    { at: 10, handle: 60, patience: 10_000 }, // waits for bill: a live option until 300 s, then none until 900 s
    { at: 20, handle: 60, patience: 30, language: "es" }, // nobody speaks Spanish: Baton has no live option for it
    { at: 400, handle: 60, patience: 100 }, // nobody on shift: leaves at 500 s
  ]);
  const shifts = [[[T0, T0 + 300_000] as const], [[T0 + 900_000, T0 + 86_400_000] as const]];
  const run = (name: "baton" | "round-robin") =>
    policyReport(t, runSimulation({ traffic: t, roster, shifts, policy: createPolicy(name, DEFAULT_ROUTER_OPTIONS) }));

  it("Baton: three visitors stranded by its eligibility, each offered the async path 15 s after their last live option went (the waiting guarantee)", () => {
    const a = run("baton").asyncPath;
    expect(a).toMatchObject({ atHandoff: 0, stranded: 3, offered: 3, strandedOffered: 3, unoffered: { answered: 0, left: 0, waiting: 0 } });
    expect(a.offerDelay).toEqual({ p50: 15, p99: 15 });
    expect(a.onNobody).toEqual({ p50: 15, p99: 15 });
  });

  it("round robin: any agent on shift is a live option, so only the gaps in the roster strand", () => {
    const a = run("round-robin").asyncPath;
    expect(a).toMatchObject({ stranded: 2, offered: 0, unoffered: { answered: 1, left: 1, waiting: 0 } });
  });

  it("says how many stranded visitors were offered the async path", () => {
    const text = formatAsyncPath([run("baton")]);
    expect(text).toContain("baton: offered the async path to 3 of 3 stranded visitors (3 async offers in all).");
  });
});

describe("StrandTracker", () => {
  const roster = [simAgent("a"), simAgent("es", { languages: ["es"] })];
  const request = (language: string) =>
    buildRoutingRequest({
      conversationId: "c0",
      rule: { ...billingRule, target: { ...billingRule.target, skills: [] } },
      language,
      csmAgentId: null,
      triggeredAt: T0,
      now: T0,
      priorityBoost: 0,
    });

  it("times the async offer from the moment the last live option went", () => {
    const s = new StrandTracker(roster, batonLivePath, 2);
    s.agentOnShift(0, true, T0);
    s.join(0, request("en"), T0);
    expect(s.everStranded[0]).toBe(0);
    s.agentOnShift(0, false, T0 + 5_000);
    s.asyncOffered(0, T0 + 12_000);
    expect(s.offerDelayMs[0]).toBe(7_000);
    // After the offer the visitor has a promise: time on nobody stops counting.
    s.agentOnShift(0, true, T0 + 20_000);
    s.agentOnShift(0, false, T0 + 30_000);
    s.finish(T0 + 90_000);
    expect(s.strandedMs[0]).toBe(7_000);
  });

  it("an offer made while a live option remains has no delay", () => {
    const s = new StrandTracker(roster, batonLivePath, 1);
    s.agentOnShift(1, true, T0);
    s.join(0, request("es"), T0);
    s.asyncOffered(0, T0 + 3_000);
    expect(s.everStranded[0]).toBe(0);
    expect(Number.isNaN(s.offerDelayMs[0]!)).toBe(true);
    expect(s.asyncOfferedAt[0]).toBe(T0 + 3_000);
  });

  it("by the policy's own eligibility: a Spanish chat is stranded for Baton, not for the peers, with only an English agent on", () => {
    for (const [path, stranded] of [
      [batonLivePath, 1],
      [anyAgentLivePath, 0],
    ] as const) {
      const s = new StrandTracker(roster, path, 1);
      s.agentOnShift(0, true, T0);
      s.join(0, request("es"), T0);
      expect(s.everStranded[0]).toBe(stranded);
    }
  });
});
