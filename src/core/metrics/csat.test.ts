import { describe, expect, it } from "vitest";
import { type CsatAnswer, csatBySegment, csatDifference, sampleVariance } from "./csat.js";

const answers = (segment: CsatAnswer["segment"], ...scores: number[]): CsatAnswer[] =>
  scores.map((score) => ({ score, segment }));

describe("csatBySegment", () => {
  it("summarizes each segment with a t interval worked out by hand", () => {
    const [bot, post, human] = csatBySegment([
      ...answers("post_handoff", 2, 4, 4, 4, 5, 5, 7, 9),
      ...answers("bot_only", 3),
    ]);
    // post_handoff: mean 5, sum of squares 32, s² = 32/7, se = sqrt(32/7/8) = 0.7559,
    // t(0.975, 7) = 2.3646 → half width 1.7875.
    expect(post?.segment).toBe("post_handoff");
    expect(post?.count).toBe(8);
    expect(post?.mean).toBe(5);
    expect(post?.ci95?.[0]).toBeCloseTo(3.2125, 3);
    // 6.7875 lies off the 1-5 scale: the interval is clamped to it.
    expect(post?.ci95?.[1]).toBe(5);
    // One answer: a mean but no interval. None: neither.
    expect(bot).toEqual({ segment: "bot_only", count: 1, mean: 3, ci95: null });
    expect(human).toEqual({ segment: "human_only", count: 0, mean: null, ci95: null });
  });

  it("gives a zero-width interval when every score is the same", () => {
    expect(csatBySegment(answers("human_only", 4, 4, 4))[2]?.ci95).toEqual([4, 4]);
  });
});

describe("csatDifference", () => {
  it("uses Welch's interval", () => {
    // post: mean 4, s² = 1, n 3 → a = 1/3; human: mean 4.5, s² = 1/3, n 4 → b = 1/12.
    // se = sqrt(5/12) = 0.645497; df = (5/12)² / ((1/3)²/2 + (1/12)²/3) = 3 exactly;
    // t(0.975, 3) = 3.182446 (tables) → half width 2.054260.
    const r = csatDifference([3, 4, 5], [4, 5, 4, 5]);
    expect(r.diff).toBeCloseTo(-0.5, 12);
    expect(r.ci95?.[0]).toBeCloseTo(-2.55426, 4);
    expect(r.ci95?.[1]).toBeCloseTo(1.55426, 4);
  });

  it("has no interval with fewer than two answers on a side, no diff with none", () => {
    expect(csatDifference([5], [3, 4])).toEqual({ diff: 1.5, ci95: null });
    expect(csatDifference([], [3, 4])).toEqual({ diff: null, ci95: null });
    expect(csatDifference([5, 5], [3, 3])).toEqual({ diff: 2, ci95: [2, 2] });
  });

  it("sampleVariance uses n - 1", () => {
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(sampleVariance([1])).toBeNull();
  });
});
