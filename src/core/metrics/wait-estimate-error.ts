import type { Handoff } from "../model.js";
import { mean } from "./percentile.js";
import { type BucketRange, waitBucketRange } from "./wait-bucket-range.js";

export interface WaitBucketError {
  readonly bucket: string;
  readonly count: number;
  /** Mean actual wait (assignedAt - createdAt), seconds. */
  readonly meanActual: number;
  /** Mean estimate behind the bucket, seconds. */
  readonly meanEstimate: number;
}

export interface WaitEstimateError {
  /** Handoffs with both an estimate and an assignment: the ones measured. */
  readonly count: number;
  /** Mean |actual - estimate.seconds|; null when count is 0. */
  readonly meanAbsErrorSeconds: number | null;
  /** Share of measured handoffs whose actual wait fell inside the bucket shown; null when count is 0. */
  readonly withinBucketRate: number | null;
  /** One row per bucket label, by ascending mean estimate (then label). */
  readonly byBucket: readonly WaitBucketError[];
}

export interface WaitEstimateErrorOptions {
  /** How a bucket label maps to the waits it promises; default `waitBucketRange`. */
  readonly bucketRange?: (label: string) => BucketRange | null;
}

/**
 * How far the wait shown to the visitor was from the wait they had: actual = assignedAt -
 * createdAt (seconds) against `estimate.seconds`. Handoffs without an estimate or not (yet)
 * assigned are left out. A bucket whose label `bucketRange` cannot read is judged against
 * ±50% of its estimate seconds.
 * @example
 * waitEstimateError(handoffs).withinBucketRate; // 0.8
 */
export function waitEstimateError(handoffs: readonly Handoff[], options: WaitEstimateErrorOptions = {}): WaitEstimateError {
  const rangeOf = options.bucketRange ?? waitBucketRange;
  const measured = handoffs.flatMap((h) =>
    h.estimate === null || h.assignedAt === null
      ? []
      : [{ bucket: h.estimate.bucket, estimate: h.estimate.seconds, actual: (h.assignedAt - h.createdAt) / 1000 }],
  );
  const within = measured.filter((m) => {
    const range = rangeOf(m.bucket) ?? { lo: m.estimate * 0.5, hi: m.estimate * 1.5 };
    return m.actual >= range.lo && m.actual <= range.hi;
  });
  const groups = new Map<string, { actual: number[]; estimate: number[] }>();
  for (const m of measured) {
    const g = groups.get(m.bucket) ?? { actual: [], estimate: [] };
    g.actual.push(m.actual);
    g.estimate.push(m.estimate);
    groups.set(m.bucket, g);
  }
  const byBucket = [...groups].map(([bucket, g]) => ({
    bucket,
    count: g.actual.length,
    meanActual: mean(g.actual)!,
    meanEstimate: mean(g.estimate)!,
  }));
  byBucket.sort((a, b) => a.meanEstimate - b.meanEstimate || (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
  return {
    count: measured.length,
    meanAbsErrorSeconds: mean(measured.map((m) => Math.abs(m.actual - m.estimate))),
    withinBucketRate: measured.length === 0 ? null : within.length / measured.length,
    byBucket,
  };
}
