import { DomainError } from "../errors.js";

/** Order statistics of a set of durations (or any numbers). All null when `count` is 0. */
export interface DurationSummary {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly mean: number | null;
}

/**
 * The `p`-th percentile (`p` in 0..100) of `values`, sorted or not, by **linear interpolation
 * between closest ranks** (Hyndman & Fan type 7; numpy's default, Excel's PERCENTILE.INC):
 * with the n values sorted ascending as x[0..n-1], h = (n - 1) * p / 100 and the result is
 * x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]). So p0 is the minimum, p100 the
 * maximum, and p50 the usual median. Returns null for no values. Throws `invalid_input` for a
 * `p` outside 0..100 or a non-finite value.
 * @example
 * percentile([40, 10, 30, 20], 50); // 25
 * percentile([10, 20, 30, 40], 90); // 37
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new DomainError("invalid_input", `percentile p must be within 0..100, got ${p}`);
  return percentileOfSorted(sortedFinite(values), p);
}

/**
 * Count, p50, p90, p99 (as `percentile`) and arithmetic mean of `values`.
 * @example
 * summarizeDurations([10, 20, 30, 40]); // { count: 4, p50: 25, p90: 37, p99: 39.7, mean: 25 }
 */
export function summarizeDurations(values: readonly number[]): DurationSummary {
  const sorted = sortedFinite(values);
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    mean: mean(sorted),
  };
}

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function sortedFinite(values: readonly number[]): number[] {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new DomainError("invalid_input", `percentile values must be finite, got ${v}`);
  }
  return [...values].sort((a, b) => a - b);
}

function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}
