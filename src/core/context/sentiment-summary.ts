import type { SentimentSummary } from "./handoff-context.js";

/** A change in mean sentiment smaller than this (on the -1..1 scale) is "steady". */
export const TREND_DELTA = 0.2;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Latest, average and trend of visitor sentiment scores (oldest first; non-finite ones dropped).
 * Trend compares the mean of the later half with the mean of the earlier half (the middle score of
 * an odd count goes to the later half); fewer than two scores is "steady".
 * @example
 * summarizeSentiment([0.2, 0, -0.6]) // { latest: -0.6, average: -0.1333, trend: "worsening" }
 */
export function summarizeSentiment(scores: readonly number[]): SentimentSummary {
  const xs = scores.filter(Number.isFinite);
  if (xs.length === 0) return { latest: null, average: null, trend: "steady" };
  const latest = xs[xs.length - 1]!;
  if (xs.length < 2) return { latest, average: latest, trend: "steady" };
  const half = Math.floor(xs.length / 2);
  const delta = mean(xs.slice(half)) - mean(xs.slice(0, half));
  const trend = delta >= TREND_DELTA ? "improving" : delta <= -TREND_DELTA ? "worsening" : "steady";
  return { latest, average: mean(xs), trend };
}
