import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangB, erlangC, erlangMeanWait, erlangServiceLevel } from "./erlang-c.js";

/** The textbook sum: C = (A^N/N!)·N/(N−A) / (Σ_{k<N} A^k/k! + (A^N/N!)·N/(N−A)). Small N only. */
function directErlangC(n: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * n) / (n - a);
  return top / (sum + top);
}

/**
 * The same textbook sum in log space (log-sum-exp over k·ln A − ln k!), independent of the
 * recurrence under test and finite for any N.
 */
function logSpaceErlangC(n: number, a: number): number {
  const logs: number[] = [];
  let logFact = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logFact += Math.log(k);
    logs.push(k * Math.log(a) - logFact);
  }
  logs[n] = logs[n]! + Math.log(n / (n - a));
  const max = Math.max(...logs);
  const total = logs.reduce((s, x) => s + Math.exp(x - max), 0);
  return Math.exp(logs[n]! - max) / total;
}

describe("Erlang B", () => {
  // The published Erlang B table (e.g. Wikipedia "Erlang (unit)", any teletraffic handbook):
  // the offered load in Erlangs that N circuits carry at a blocking probability (grade of service).
  it.each([
    [10, 3.092, 0.001],
    [20, 9.411, 0.001],
    [10, 4.461, 0.01],
    [20, 12.031, 0.01],
    [50, 37.901, 0.01],
    [100, 84.064, 0.01],
    [10, 5.084, 0.02],
    [20, 13.182, 0.02],
    [50, 40.255, 0.02],
    [100, 87.972, 0.02],
    [10, 6.216, 0.05],
    [20, 15.249, 0.05],
    [50, 44.533, 0.05],
  ])("matches the published table: N = %i, A = %f → blocking %f", (n, a, grade) => {
    // The table rounds the load to 3 decimals, which moves the blocking by well under 0.15 % of itself.
    expect(Math.abs(erlangB(n, a) - grade) / grade).toBeLessThan(0.0015);
  });
});

describe("Erlang C", () => {
  // Call Centre Helper, "Erlang C formula – made simple with an easy worked example":
  // 100 contacts per 30 minutes, average handle time 180 s → A = 10 Erlangs; target 20 s.
  // Published: 11 agents P(wait) 68.21 %, SL 39 %; 12 agents 44.94 %, 64 %;
  // 13 agents 28.53 %, 80 %; 14 agents 17.41 %, 89 %.
  it.each([
    [11, 0.6821, 0.39],
    [12, 0.4494, 0.64],
    [13, 0.2853, 0.8],
    [14, 0.1741, 0.89],
  ])("matches the worked example with %i agents", (agents, pWait, sl) => {
    const c = erlangC(agents, 10);
    expect(c.pWait).toBeCloseTo(pWait, 4);
    expect(erlangServiceLevel(c, 180, 20)).toBeCloseTo(sl, 2);
  });

  // The inputs of Westbay Engineers' step-by-step Erlang-C example (360 calls per half hour,
  // 4 min each → A = 48, 55 agents, 15 s target); the expected values are the direct textbook
  // sum's (P(wait) 0.2387, average speed of answer 8.18 s, service level 84.59 %).
  it("matches the 48-Erlang, 55-agent example (ASA and service level)", () => {
    const c = erlangC(55, 48);
    expect(c.pWait).toBeCloseTo(0.2387, 4);
    expect(erlangMeanWait(c, 240)).toBeCloseTo(8.18, 2);
    expect(erlangServiceLevel(c, 240, 15)).toBeCloseTo(0.8459, 4);
  });

  it("reduces to the M/M/1 and M/M/2 closed forms", () => {
    expect(erlangC(1, 0.7).pWait).toBeCloseTo(0.7, 12);
    // M/M/2 with rho = A/2: C = 2·rho² / (1 + rho).
    expect(erlangC(2, 1.2).pWait).toBeCloseTo((2 * 0.36) / 1.6, 12);
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
  });

  it("agrees with the direct sum and stays finite for thousands of servers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (n, rho) => {
        const a = n * rho;
        expect(erlangC(n, a).pWait).toBeCloseTo(directErlangC(n, a), 9);
      }),
    );
    // Past N ≈ 170 the direct sum overflows (A^N, N!); the log-space sum does not.
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 500 }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (n, rho) => {
        const a = n * rho;
        expect(erlangC(n, a).pWait).toBeCloseTo(logSpaceErlangC(n, a), 9);
      }),
      { numRuns: 50 },
    );
    expect(erlangC(300, 280).pWait).toBeCloseTo(logSpaceErlangC(300, 280), 12);
    const big = erlangC(5000, 4900);
    expect(big.pWait).toBeGreaterThan(0);
    expect(big.pWait).toBeLessThan(1);
  });

  it("is 1 with no wait bound at or over capacity", () => {
    const c = erlangC(10, 10);
    expect(c.stable).toBe(false);
    expect(c.pWait).toBe(1);
    expect(erlangMeanWait(c, 100)).toBe(Number.POSITIVE_INFINITY);
    expect(erlangServiceLevel(c, 100, 30)).toBe(0);
  });
});
