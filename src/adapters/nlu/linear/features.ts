/**
 * Hashed n-gram features for the linear models (intent/topic and frustration). Pure and total: any
 * string in, a sparse L2-normalised vector out. Word unigrams and bigrams, character 3..5-grams of
 * each word (with boundary marks), and character 1..2-grams of CJK runs (which have no spaces).
 * Digits fold to 0 so "order 12345" and "order 98765" share features.
 */

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
const MARKS = /\p{M}+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Lower case, no diacritics, straight apostrophes, digits as 0. */
export function normalizeForFeatures(text: string): string {
  return text.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/[’‘`]/g, "'").replace(/\d/g, "0");
}

/** FNV-1a 32-bit hash of a string with a one-letter namespace prefix. */
function hash(ns: number, s: string): number {
  let h = (0x811c9dc5 ^ ns) >>> 0;
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

const NS_WORD = 1;
const NS_BIGRAM = 2;
const NS_CHAR = 3;
const NS_CJK = 4;

/**
 * The hashed feature vector of a text in a space of `dim` buckets (a power of two). Repeated
 * n-grams add up; the vector is L2-normalised so long and short messages weigh alike.
 * @example
 * featurize("Where is my order?", 1 << 16).index.length > 0 // true
 */
export function featurize(text: string, dim: number): SparseVector {
  const mask = dim - 1;
  const counts = new Map<number, number>();
  const add = (h: number, w: number) => {
    const k = h & mask;
    counts.set(k, (counts.get(k) ?? 0) + w);
  };
  const words = normalizeForFeatures(text).match(WORD) ?? [];
  let prev = "<s>";
  for (const w of words) {
    add(hash(NS_WORD, w), 1);
    add(hash(NS_BIGRAM, `${prev} ${w}`), 1);
    prev = w;
    if (CJK.test(w)) {
      const chars = [...w];
      for (let i = 0; i < chars.length; i++) {
        add(hash(NS_CJK, chars[i]!), 0.5);
        if (i + 1 < chars.length) add(hash(NS_CJK, chars[i]! + chars[i + 1]!), 1);
      }
      continue;
    }
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(hash(NS_CHAR, padded.slice(i, i + n)), 0.5);
    }
  }
  if (words.length > 0) add(hash(NS_BIGRAM, `${prev} </s>`), 1);
  const index = new Int32Array(counts.size);
  const value = new Float32Array(counts.size);
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  let i = 0;
  for (const [k, v] of counts) {
    index[i] = k;
    value[i] = v / norm;
    i++;
  }
  return { index, value };
}
