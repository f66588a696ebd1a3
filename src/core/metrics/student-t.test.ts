import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile } from "./student-t.js";

describe("Student's t", () => {
  // Two-sided 95% critical values from standard tables.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [4, 2.7764],
    [10, 2.2281],
    [30, 2.0423],
    [1e7, 1.96],
  ])("t(0.975, df=%d) = %d", (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it("is symmetric and inverts its CDF, also for fractional df", () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.025, 7.3)).toBeCloseTo(-studentTQuantile(0.975, 7.3), 10);
    expect(studentTCdf(studentTQuantile(0.9, 5.5), 5.5)).toBeCloseTo(0.9, 10);
    expect(studentTCdf(0, 4)).toBeCloseTo(0.5, 12);
    // df = 1 is the Cauchy distribution: CDF(1) = 3/4.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
  });

  it("rejects impossible arguments", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});
