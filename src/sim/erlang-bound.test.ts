import { describe, expect, it } from "vitest";
import { erlangBound, slotsPerHour } from "./erlang-bound.js";
import { erlangC, erlangMeanWait, erlangServiceLevel } from "./erlang-c.js";
import type { ExpectedLoad } from "./expected-load.js";
import { simAgent, T0 } from "./sim.fixture.js";

const hour = (byRule: Record<string, number>, seconds = 3600) => {
  const m = new Map(Object.entries(byRule));
  return { seconds, live: [...m.values()].reduce((s, x) => s + x, 0), byRule: m };
};

describe("erlangBound", () => {
  const load: ExpectedLoad = {
    hours: [hour({ billing: 300, general: 180 }), hour({ billing: 150, general: 90 })],
    slaSeconds: new Map([
      ["billing", 60],
      ["general", 120],
    ]),
  };

  it("weights each hour's M/M/N figures by its expected arrivals, per rule by the rule's arrivals", () => {
    // h = 60 s: hour 0 offers 480/3600·60 = 8 Erl, hour 1 offers 4 Erl, on 10 slots each.
    const b = erlangBound(load, 60, [10, 10]);
    const c0 = erlangC(10, 8);
    const c1 = erlangC(10, 4);
    expect(b.unstableHours).toBe(0);
    expect(b.offeredLoad).toBeCloseTo((480 * 8 + 240 * 4) / 720, 12);
    expect(b.pWait).toBeCloseTo((480 * c0.pWait + 240 * c1.pWait) / 720, 12);
    expect(b.meanWaitSeconds).toBeCloseTo((480 * erlangMeanWait(c0, 60) + 240 * erlangMeanWait(c1, 60)) / 720, 12);
    const billing = (300 * erlangServiceLevel(c0, 60, 60) + 150 * erlangServiceLevel(c1, 60, 60)) / 450;
    const general = (180 * erlangServiceLevel(c0, 60, 120) + 90 * erlangServiceLevel(c1, 60, 120)) / 270;
    expect(b.sla.perRule).toEqual([
      { ruleId: "billing", slaSeconds: 60, attainment: expect.closeTo(billing, 12) },
      { ruleId: "general", slaSeconds: 120, attainment: expect.closeTo(general, 12) },
    ]);
    expect(b.sla.attainment).toBeCloseTo((450 * billing + 270 * general) / 720, 12);
    expect(b.occupancy).toBeCloseTo(12 / 20, 12);
  });

  it("an hour whose expected load reaches its slots has no steady state: no mean wait, never in time", () => {
    const b = erlangBound(load, 60, [7, 10]);
    expect(b.unstableHours).toBe(1);
    expect(b.meanWaitSeconds).toBeNull();
    const c1 = erlangC(10, 4);
    expect(b.sla.perRule[0]!.attainment).toBeCloseTo((150 * erlangServiceLevel(c1, 60, 60)) / 450, 12);
    // Two thirds of the arrivals wait forever: the median is unbounded.
    expect(b.wait.p50).toBeNull();
  });

  it("counts slots over the hour's own length (a short last hour is not understaffed)", () => {
    const roster = [simAgent("a", { cap: 3 }), simAgent("b", { cap: 2 })];
    const window = { startMs: T0, endMs: T0 + 1.25 * 3_600_000 };
    const slots = slotsPerHour(window, roster, [[[T0, T0 + 86_400_000]], [[T0 + 1_800_000, T0 + 86_400_000]]]);
    expect(slots).toEqual([3 + 1, 5]);
  });
});
