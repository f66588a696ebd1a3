/**
 * Small helpers for Baton's benchmarks: a seeded PRNG, a per-call timer with percentiles, a
 * plain-text table printer and the shared command-line options. Results are reported as ratios
 * measured side by side in one run; machines are shared and noisy, so nothing here is a test.
 */

/** Options every suite receives. */
export interface BenchOptions {
  /** Smaller sizes for a smoke run (the whole suite list in well under a minute). */
  readonly quick: boolean;
  /** Print machine-readable JSON on stdout; human-readable lines go to stderr. */
  readonly json: boolean;
  /** Where progress and tables go (stdout, or stderr under --json). */
  readonly log: (line: string) => void;
}

/** A titled table, kept as data so `--json` can carry it too. */
export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** What a suite hands back; `ok: false` makes `npm run bench` exit non-zero. */
export interface SuiteResult {
  readonly suite: string;
  readonly ok: boolean;
  readonly tables: readonly Table[];
  readonly notes: readonly string[];
  readonly data: Readonly<Record<string, unknown>>;
}

/** A benchmark suite as bench/index.ts runs it. */
export interface Suite {
  readonly name: string;
  readonly run: (opts: BenchOptions) => SuiteResult | Promise<SuiteResult>;
}

export function parseArgs(argv: readonly string[]): { quick: boolean; json: boolean } {
  return { quick: argv.includes("--quick"), json: argv.includes("--json") };
}

/**
 * mulberry32: a tiny deterministic 32-bit PRNG, uniform in [0, 1).
 * @example const rand = mulberry32(42); rand(); // same sequence on every run
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience draws over a seeded PRNG. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** `k` distinct items, in draw order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
  /** An item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}

/** Per-call statistics; times in microseconds. */
export interface Stats {
  readonly name: string;
  readonly iterations: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly meanUs: number;
  /** Calls per second of measured time (1 / mean). */
  readonly opsPerSec: number;
}

/** Percentiles and mean of per-call durations given in nanoseconds. */
export function summarize(name: string, durationsNs: ArrayLike<number>): Stats {
  const sorted = Float64Array.from(durationsNs).sort();
  const n = sorted.length;
  const at = (q: number) => (n === 0 ? 0 : (sorted[Math.min(n - 1, Math.ceil(q * n) - 1)] ?? 0) / 1000);
  let total = 0;
  for (const d of sorted) total += d;
  const meanUs = n === 0 ? 0 : total / n / 1000;
  return { name, iterations: n, p50Us: at(0.5), p99Us: at(0.99), meanUs, opsPerSec: meanUs === 0 ? 0 : 1e6 / meanUs };
}

export interface MeasureOptions<T, R> {
  readonly iterations: number;
  readonly warmup: number;
  /** Builds the input of call `i` (warmup calls first), outside the timed region. */
  readonly prepare?: (i: number) => T;
  /** Sees each call's result, outside the timed region. */
  readonly after?: (result: R, input: T, i: number) => void;
  /** Stops measuring after this much wall time (ms), even before `iterations`. */
  readonly budgetMs?: number;
}

/**
 * Times each call of `fn` with process.hrtime.bigint; only `fn` itself is inside the timed
 * region. Returns the statistics and the measured durations (ns) in call order (fewer than
 * `iterations` when the budget ran out).
 * @example const { stats } = measure("sort", () => xs.slice().sort(), { iterations: 1000, warmup: 100 });
 */
export function measure<T = undefined, R = unknown>(
  name: string,
  fn: (input: T) => R,
  opts: MeasureOptions<T, R>,
): { stats: Stats; samplesNs: Float64Array } {
  const samples = new Float64Array(opts.iterations);
  const total = opts.warmup + opts.iterations;
  const deadline = performance.now() + (opts.budgetMs ?? Number.POSITIVE_INFINITY);
  let i = 0;
  for (; i < total; i++) {
    if ((i & 63) === 0 && performance.now() > deadline) break;
    const input = opts.prepare === undefined ? (undefined as T) : opts.prepare(i);
    const t0 = process.hrtime.bigint();
    const result = fn(input);
    const t1 = process.hrtime.bigint();
    if (i >= opts.warmup) samples[i - opts.warmup] = Number(t1 - t0);
    opts.after?.(result, input, i);
  }
  const measured = samples.subarray(0, Math.max(0, i - opts.warmup));
  return { stats: summarize(name, measured), samplesNs: measured };
}

/** Formats a number for a table: thousands separators, `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Aligned plain-text table: text columns left-aligned, numeric-looking columns right-aligned. */
export function renderTable(t: Table): string {
  const cells = [t.headers.map(String), ...t.rows.map((r) => r.map(String))];
  const widths = t.headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const numeric = (s: string) => /^([<>]=? )?[-+]?[\d,.]+(x|%| ?µs| ?ms| s)?$/.test(s);
  const line = (r: readonly string[], head: boolean) =>
    widths
      .map((w, c) => {
        const s = r[c] ?? "";
        return !head && numeric(s) ? s.padStart(w) : s.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [t.title, line(cells[0] as string[], true), rule, ...cells.slice(1).map((r) => line(r, false))].join("\n");
}
