import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTER_OPTIONS } from "../core/routing/index.js";
import { createPolicy, POLICY_NAMES } from "./policy.js";
import { policyReport } from "./policy-report.js";
import { runSimulation } from "./run-simulation.js";
import { allDay, simAgent, T0, traffic } from "./sim.fixture.js";

describe.each(POLICY_NAMES)("runSimulation (%s)", (name) => {
  const run = (t: ReturnType<typeof traffic>, roster = [simAgent("a")], shifts = allDay(roster, t)) =>
    runSimulation({ traffic: t, roster, shifts, policy: createPolicy(name, DEFAULT_ROUTER_OPTIONS) });

  it("one agent with cap 1, two arrivals: the second waits exactly the first's handle time", () => {
    const t = traffic([
      { at: 0, handle: 90 },
      { at: 0, handle: 30 },
    ]);
    const out = run(t);
    expect(out.firstAssignAt[0]).toBe(T0);
    expect(out.firstAssignAt[1]! - T0).toBe(90_000);
    const r = policyReport(t, out);
    expect(r.wait).toMatchObject({ p50: 45, mean: 45 });
    // 60 s SLA: the first is met, the second (90 s) is not.
    expect(r.sla.met).toBe(1);
    expect(out.finishedAt).toBe(T0 + 120_000);
    // One slot busy for 120 s out of 2 h staffed.
    expect(out.busySlotMs).toBe(120_000);
    expect(out.staffedSlotMs).toBe(2 * 3_600_000);
  });

  it("a visitor whose patience runs out leaves the queue and is never answered", () => {
    const t = traffic([
      { at: 0, handle: 100 },
      { at: 10, handle: 30, patience: 40 },
      { at: 20, handle: 30, patience: 500 },
    ]);
    const out = run(t);
    expect([...out.abandoned]).toEqual([0, 1, 0]);
    expect(Number.isNaN(out.firstAssignAt[1]!)).toBe(true);
    // The third takes the slot the first frees, without waiting behind the one who left.
    expect(out.firstAssignAt[2]).toBe(T0 + 100_000);
    expect(policyReport(t, out).abandonmentRate).toBeCloseTo(1 / 3, 12);
  });

  it("an agent finishes their chat after the shift ends and takes no new one", () => {
    const t = traffic([
      { at: 0, handle: 600 },
      { at: 60, handle: 60, patience: 10_000 },
    ]);
    const roster = [simAgent("early"), simAgent("late")];
    const shifts = [[[T0, T0 + 300_000] as const], [[T0 + 900_000, T0 + 3_600_000] as const]];
    const out = run(t, roster, shifts);
    // "early" keeps chat 0 past their shift end (300 s) until it is done at 600 s; chat 1 waits
    // for "late" to come on at 900 s.
    expect(out.firstAssignAt[1]).toBe(T0 + 900_000);
    expect(out.finishedAt).toBe(T0 + 960_000);
  });

  it("async arrivals are counted, not routed", () => {
    const t = traffic([{ at: 0, handle: 60 }]);
    const asyncTraffic = { ...t, arrivals: t.arrivals.map((a) => ({ ...a, async: "rule" as const })) };
    const r = policyReport(asyncTraffic, run(asyncTraffic));
    expect(r).toMatchObject({ offered: 1, async: 1, live: 0, answered: 0 });
  });
});

describe("runSimulation with Baton's router", () => {
  it("routes by skill where the peers misroute", () => {
    const t = traffic([
      { at: 0, handle: 60 },
      { at: 1, handle: 60 },
    ]);
    const roster = [simAgent("tech", { skills: [{ skill: "technical", proficiency: 5 }] }), simAgent("bill")];
    const misroutes = (name: (typeof POLICY_NAMES)[number]) =>
      runSimulation({ traffic: t, roster, shifts: allDay(roster, t), policy: createPolicy(name, DEFAULT_ROUTER_OPTIONS) }).misroutes;
    expect(misroutes("baton")).toBe(0);
    // Round robin gives the first chat to "tech" (first in rotation), least-busy too (0 chats, roster order).
    expect(misroutes("round-robin")).toBe(1);
    expect(misroutes("least-busy")).toBe(1);
  });
});
