/** The actual waits, in seconds, that a wait bucket shown to the visitor promises: [lo, hi]. */
export interface BucketRange {
  readonly lo: number;
  readonly hi: number;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600 };
const WORD_NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, five: 5, ten: 10 };
const LABEL = /^(under|less than|about|around|over|more than)\s+(\d+(?:\.\d+)?|a|an|one|two|three|five|ten)\s+(second|minute|hour)s?$/;

/**
 * Reads an English wait-bucket label into the range of actual waits it promises:
 * "under N unit" (also "less than") → [0, N]; "about N unit" (also "around") → [N/2, 3N/2];
 * "over N unit" (also "more than") → [N, ∞). N may be a digit string or a/an/one/two/three/five/ten.
 * Returns null for any other label.
 * @example
 * waitBucketRange("under 2 minutes"); // { lo: 0, hi: 120 }
 * waitBucketRange("about 5 minutes"); // { lo: 150, hi: 450 }
 */
export function waitBucketRange(label: string): BucketRange | null {
  const m = LABEL.exec(label.trim().toLowerCase().replace(/\s+/g, " "));
  if (!m) return null;
  const [, kind, amount, unit] = m;
  const n = (WORD_NUMBERS[amount!] ?? Number(amount)) * UNIT_SECONDS[unit!]!;
  switch (kind) {
    case "under":
    case "less than":
      return { lo: 0, hi: n };
    case "about":
    case "around":
      return { lo: n / 2, hi: (3 * n) / 2 };
    default:
      return { lo: n, hi: Number.POSITIVE_INFINITY };
  }
}
