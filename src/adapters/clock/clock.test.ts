import { describe, expect, it } from "vitest";
import { FakeClock, systemClock } from "./index.js";

describe("systemClock", () => {
  it("reads the wall clock", () => {
    const before = Date.now();
    const at = systemClock.now();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});

describe("FakeClock", () => {
  it("starts where told and stands still", () => {
    const clock = new FakeClock(1_000);
    expect(clock.now()).toBe(1_000);
    expect(clock.now()).toBe(1_000);
    expect(new FakeClock().now()).toBe(0);
  });

  it("advances and sets", () => {
    const clock = new FakeClock(1_000);
    expect(clock.advance(250)).toBe(1_250);
    expect(clock.advance(0)).toBe(1_250);
    expect(clock.now()).toBe(1_250);
    expect(clock.set(500)).toBe(500);
    expect(clock.now()).toBe(500);
  });

  it("refuses to go back with advance, or to hold a non-finite time", () => {
    const clock = new FakeClock(10);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(Number.NaN)).toThrow(RangeError);
    expect(() => new FakeClock(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(clock.now()).toBe(10);
  });
});
