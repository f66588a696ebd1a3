/** A word of the message: folded form plus its span in the original text. */
export interface Token {
  /** Lower case, accents stripped, curly apostrophes straightened. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const MARKS = /\p{M}+/gu;

/**
 * Folds one word for matching: lower case, no diacritics, straight apostrophes.
 * @example
 * fold("Pásame") // "pasame"
 */
export function fold(word: string): string {
  return word.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/’/g, "'");
}

/**
 * Splits text into word tokens that remember where they came from.
 * @example
 * tokenize("Don’t wait!").map((t) => t.norm) // ["don't", "wait"]
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    out.push({ norm: fold(match[0]), start, end: start + match[0].length });
  }
  return out;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping early once it
 * exceeds `max`. Typos such as "agnet" are one edit away from "agent".
 * @example
 * editDistance("agnet", "agent", 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}
