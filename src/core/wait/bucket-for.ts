import type { WaitConfig } from "./wait-config.js";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * The wait shown to the visitor. Below the first configured bound that exceeds the estimate:
 * "under 1 minute", "under 2 minutes" (a bound that is not whole minutes reads "under 90
 * seconds"). Past the last bound: "about N minutes", rounded, and never less than the last
 * bound so the buckets stay ordered.
 *
 * @example
 * bucketFor(45, { bucketsSeconds: [60, 120], ... });  // "under 1 minute"
 * bucketFor(400, { bucketsSeconds: [60, 120], ... }); // "about 7 minutes"
 */
export function bucketFor(seconds: number, cfg: Pick<WaitConfig, "bucketsSeconds">): string {
  const bounds = [...cfg.bucketsSeconds].sort((a, b) => a - b);
  for (const bound of bounds) {
    if (seconds < bound) return bound % 60 === 0 ? `under ${plural(bound / 60, "minute")}` : `under ${plural(bound, "second")}`;
  }
  const last = bounds.at(-1) ?? 0;
  const minutes = Math.max(1, Math.ceil(last / 60), Math.round(seconds / 60));
  return `about ${plural(minutes, "minute")}`;
}
