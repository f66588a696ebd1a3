import { mean } from "./percentile.js";
import { studentTQuantile } from "./student-t.js";

export type CsatSegment = "bot_only" | "post_handoff" | "human_only";
export const CSAT_SEGMENTS: readonly CsatSegment[] = ["bot_only", "post_handoff", "human_only"];

/** What the metrics read of a CSAT answer (the store's `CsatRecord` fits this shape). */
export interface CsatAnswer {
  readonly score: number;
  readonly segment: CsatSegment;
}

/** A closed interval [lo, hi]. */
export type Interval = readonly [lo: number, hi: number];

export interface CsatSegmentSummary {
  readonly segment: CsatSegment;
  readonly count: number;
  /** Mean score, null with no answers. */
  readonly mean: number | null;
  /** 95% confidence interval for the mean; null with fewer than 2 answers. */
  readonly ci95: Interval | null;
}

export interface CsatDifference {
  /** mean(postHandoff) - mean(humanOnly); null when either side has no answers. */
  readonly diff: number | null;
  /** Welch 95% interval for the difference; null when either side has fewer than 2 answers. */
  readonly ci95: Interval | null;
}

/**
 * Count, mean and 95% confidence interval of the CSAT score for each segment, always in the order
 * bot_only, post_handoff, human_only (empty segments included). The interval is the **Student t**
 * interval mean ± t(0.975, n-1) · s / √n with s the sample standard deviation (n - 1 divisor);
 * it is exact for normal scores and conservative next to the normal (z) interval for small n.
 * The interval is clamped to the scale (1 to 5): no mean can lie outside it.
 * @example
 * csatBySegment([{ score: 4, segment: "bot_only" }, { score: 5, segment: "bot_only" }])[0];
 * // { segment: "bot_only", count: 2, mean: 4.5, ci95: [1, 5] } (unclamped: [-1.85, 10.85])
 */
export function csatBySegment(records: readonly CsatAnswer[]): CsatSegmentSummary[] {
  return CSAT_SEGMENTS.map((segment) => {
    const scores = records.filter((r) => r.segment === segment).map((r) => r.score);
    const m = mean(scores);
    const v = sampleVariance(scores);
    const n = scores.length;
    const ci95: Interval | null =
      m === null || v === null ? null : clampTo(around(m, studentTQuantile(0.975, n - 1) * Math.sqrt(v / n)), 1, 5);
    return { segment, count: n, mean: m, ci95 };
  });
}

/**
 * Post-handoff minus human-only mean CSAT, with a **Welch** 95% interval (unequal variances;
 * Welch–Satterthwaite degrees of freedom). When both samples have zero variance the interval
 * collapses to the difference itself.
 * @example
 * csatDifference([4, 5, 3], [5, 5, 4]); // { diff: -0.667, ci95: [-2.72, 1.38] }
 */
export function csatDifference(postHandoff: readonly number[], humanOnly: readonly number[]): CsatDifference {
  const m1 = mean(postHandoff);
  const m2 = mean(humanOnly);
  if (m1 === null || m2 === null) return { diff: null, ci95: null };
  const diff = m1 - m2;
  const v1 = sampleVariance(postHandoff);
  const v2 = sampleVariance(humanOnly);
  if (v1 === null || v2 === null) return { diff, ci95: null };
  const a = v1 / postHandoff.length;
  const b = v2 / humanOnly.length;
  const se = Math.sqrt(a + b);
  if (se === 0) return { diff, ci95: [diff, diff] };
  const df = (a + b) ** 2 / (a ** 2 / (postHandoff.length - 1) + b ** 2 / (humanOnly.length - 1));
  // A difference of two means on a 1-5 scale lies in [-4, 4].
  return { diff, ci95: clampTo(around(diff, studentTQuantile(0.975, df) * se), -4, 4) };
}

/** Sample variance (n - 1 divisor), null with fewer than 2 values. */
export function sampleVariance(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return ss / (values.length - 1);
}

function around(center: number, halfWidth: number): Interval {
  return [center - halfWidth, center + halfWidth];
}

function clampTo(i: Interval, lo: number, hi: number): Interval {
  return [Math.min(hi, Math.max(lo, i[0])), Math.max(lo, Math.min(hi, i[1]))];
}
