import { describe, expect, it } from "vitest";
import { erlangBound, liveHandleMeanSeconds, slotsPerHour } from "./erlang-bound.js";
import { erlangC, erlangMeanWait } from "./erlang-c.js";
import { expectedLoad } from "./expected-load.js";
import { mmnScenario } from "./mmn.fixture.js";
import { createPolicy } from "./policy.js";
import { shiftWindows } from "./roster.js";
import { runSimulation } from "./run-simulation.js";
import { generateTraffic } from "./traffic.js";

const HANDLE = 60;
const WARM_UP_MS = 3_600_000;
const BATCHES = 20;

/**
 * One pool, cap 1, Poisson arrivals, exponential handle times, infinite patience: an exact
 * M/M/N queue, so the simulator (driving Baton's production router) must reproduce Erlang C.
 * Each case pools two seeds and drops the first hour (the queue starts empty).
 *
 * Tolerance: the pooled mean wait within 3 standard errors (batch means over 20 batches in
 * arrival order, which absorbs the waits' strong autocorrelation) and within 15 % of the exact
 * value; P(wait) within 0.03. The seeds are fixed, so the check is deterministic; a lognormal
 * handle time with CV 0.6 instead of 1 would move the mean wait by about a third and fail it.
 */
describe.each([
  { servers: 5, rho: 0.7, hours: 40 },
  { servers: 10, rho: 0.8, hours: 25 },
  { servers: 30, rho: 0.85, hours: 8 },
])("M/M/$servers at rho $rho", ({ servers, rho, hours }) => {
  const exact = erlangC(servers, servers * rho);
  const exactWait = erlangMeanWait(exact, HANDLE);
  const runs = [1, 2].map((seed) => {
    const b = mmnScenario({ servers, rho, handleSeconds: HANDLE, hours, seed });
    const traffic = generateTraffic(b.scenario, b.config);
    const shifts = b.roster.map((a) => shiftWindows(a.shift, traffic.startMs, traffic.endMs, b.scenario.timeZone));
    const out = runSimulation({ traffic, roster: b.roster, shifts, policy: createPolicy("baton", b.config.router) });
    const bound = erlangBound(expectedLoad(b.scenario, b.config), liveHandleMeanSeconds(traffic), slotsPerHour(traffic, b.roster, shifts));
    const waits = traffic.arrivals.filter((a) => a.at >= traffic.startMs + WARM_UP_MS).map((a) => (out.firstAssignAt[a.index]! - a.at) / 1000);
    return { waits, bound, abandoned: out.abandoned.reduce((s, x) => s + x, 0) };
  });

  it("the simulator's mean wait and P(wait) match Erlang C", () => {
    const all = runs.flatMap((r) => r.waits);
    expect(all.every(Number.isFinite)).toBe(true);
    expect(runs.every((r) => r.abandoned === 0)).toBe(true);
    const mean = all.reduce((s, x) => s + x, 0) / all.length;
    const batchMeans = runs.flatMap((r) => {
      const size = Math.floor(r.waits.length / (BATCHES / 2));
      return Array.from({ length: BATCHES / 2 }, (_, k) => r.waits.slice(k * size, (k + 1) * size).reduce((s, x) => s + x, 0) / size);
    });
    const bm = batchMeans.reduce((s, x) => s + x, 0) / BATCHES;
    const se = Math.sqrt(batchMeans.reduce((s, x) => s + (x - bm) ** 2, 0) / (BATCHES - 1) / BATCHES);
    expect(Math.abs(mean - exactWait)).toBeLessThanOrEqual(3 * se);
    expect(Math.abs(mean - exactWait) / exactWait).toBeLessThan(0.15);
    const pWait = all.filter((w) => w > 0).length / all.length;
    expect(Math.abs(pWait - exact.pWait)).toBeLessThan(0.03);
  });

  it("the Erlang-C reference reads the expected load, not the draw", () => {
    for (const { bound } of runs) {
      expect(bound.unstableHours).toBe(0);
      expect(bound.servers).toBe(servers);
      // Only the run's mean handle time is drawn (about 20k exponential draws: ±1 %).
      expect(bound.offeredLoad).toBeCloseTo(servers * rho, 0);
      expect(Math.abs(bound.pWait - exact.pWait)).toBeLessThan(0.02);
      expect(Math.abs(bound.meanWaitSeconds! - exactWait) / exactWait).toBeLessThan(0.08);
    }
  });
});

describe("the Erlang-C reference near saturation (M/M/50 at rho 0.95, one day)", () => {
  // Per-hour drawn counts cross 50 Erlangs in some hours at this load; the reference must still
  // be the steady state of the expected load: finite mean wait, exact P(wait) and p90.
  it.each([1, 2])("seed %i", (seed) => {
    const b = mmnScenario({ servers: 50, rho: 0.95, handleSeconds: HANDLE, hours: 24, seed });
    const traffic = generateTraffic(b.scenario, b.config);
    const shifts = b.roster.map((a) => shiftWindows(a.shift, traffic.startMs, traffic.endMs, b.scenario.timeZone));
    const h = liveHandleMeanSeconds(traffic);
    const bound = erlangBound(expectedLoad(b.scenario, b.config), h, slotsPerHour(traffic, b.roster, shifts));
    const exact = erlangC(50, 47.5 * (h / HANDLE));
    expect(bound.unstableHours).toBe(0);
    expect(bound.pWait).toBeCloseTo(exact.pWait, 9);
    expect(bound.meanWaitSeconds).toBeCloseTo(erlangMeanWait(exact, h), 6);
    // P(W > t) = C·e^(−(N−A)t/h) → p90 = h/(N−A)·ln(10·C).
    expect(bound.wait.p90).toBeCloseTo((h / (50 - exact.offeredLoad)) * Math.log(10 * exact.pWait), 3);
  });
});
