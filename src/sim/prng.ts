/**
 * A seeded pseudo-random source: same seed, same sequence, on every machine. The generator is
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state, passes PractRand) seeded
 * through splitmix32, so nearby seeds give unrelated streams.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** An independent stream derived from this one (for one segment, one roster group...). */
  fork(): Prng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * @example
 * const rng = createPrng(42);
 * rng.next(); // the same number for seed 42, always
 */
export function createPrng(seed: number): Prng {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next, fork: () => createPrng(Math.floor(next() * 4294967296)) };
}

/** Exponential with the given mean (inverse transform; never returns Infinity). */
export function exponential(rng: Prng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Standard normal by Box-Muller (one of the pair; simple and deterministic). */
export function standardNormal(rng: Prng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Lognormal with the given arithmetic mean and standard deviation (not the log-space ones):
 * sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2. An sd of 0 returns the mean exactly.
 *
 * @example
 * lognormal(rng, 300, 120); // a handle time in seconds, mean 300 s over many draws
 */
export function lognormal(rng: Prng, mean: number, sd: number): number {
  if (sd <= 0) return mean;
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * standardNormal(rng));
}
