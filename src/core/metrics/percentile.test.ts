import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { mean, percentile, summarizeDurations } from "./percentile.js";

describe("percentile (linear interpolation, type 7)", () => {
  it("interpolates between closest ranks, whatever the input order", () => {
    // sorted 10 20 30 40: h = 3p/100. p50 → h 1.5 → 25; p90 → h 2.7 → 30 + 0.7·10 = 37.
    expect(percentile([40, 10, 30, 20], 50)).toBe(25);
    expect(percentile([10, 20, 30, 40], 90)).toBeCloseTo(37, 12);
    expect(percentile([10, 20, 30, 40], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40], 100)).toBe(40);
    // Odd count: the median is the middle value.
    expect(percentile([5, 1, 3], 50)).toBe(3);
  });

  it("handles one value and no values", () => {
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it("rejects p outside 0..100 and non-finite values", () => {
    expect(() => percentile([1], 101)).toThrow(DomainError);
    expect(() => percentile([1], -1)).toThrow(DomainError);
    expect(() => percentile([1], Number.NaN)).toThrow(DomainError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(DomainError);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("summarizeDurations", () => {
  it("gives count, p50, p90, p99 and mean", () => {
    const s = summarizeDurations([40, 10, 30, 20]);
    expect(s.count).toBe(4);
    expect(s.p50).toBe(25);
    expect(s.p90).toBeCloseTo(37, 12);
    // p99: h = 2.97 → 30 + 0.97·10 = 39.7.
    expect(s.p99).toBeCloseTo(39.7, 12);
    expect(s.mean).toBe(25);
  });

  it("is all null for no values", () => {
    expect(summarizeDurations([])).toEqual({ count: 0, p50: null, p90: null, p99: null, mean: null });
    expect(mean([])).toBeNull();
  });
});
