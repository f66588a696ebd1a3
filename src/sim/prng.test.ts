import { describe, expect, it } from "vitest";
import { createPrng, exponential, lognormal } from "./prng.js";

const draws = (seed: number, n: number) => {
  const r = createPrng(seed);
  return Array.from({ length: n }, () => r.next());
};

describe("prng", () => {
  it("repeats for the same seed and differs for another", () => {
    expect(draws(42, 5)).toEqual(draws(42, 5));
    expect(draws(42, 5)).not.toEqual(draws(43, 5));
    for (const x of draws(1, 1000)) expect(x >= 0 && x < 1).toBe(true);
  });

  it("samples exponential and lognormal with the asked mean (and sd)", () => {
    const r = createPrng(7);
    const n = 200_000;
    const ex = Array.from({ length: n }, () => exponential(r, 120));
    expect(ex.reduce((s, x) => s + x, 0) / n).toBeCloseTo(120, -1);
    const ln = Array.from({ length: n }, () => lognormal(r, 300, 150));
    const mean = ln.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(ln.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 300)).toBeLessThan(3);
    expect(Math.abs(sd - 150)).toBeLessThan(5);
    expect(lognormal(r, 300, 0)).toBe(300);
  });
});
