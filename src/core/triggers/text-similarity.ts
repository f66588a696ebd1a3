/**
 * Language-agnostic text folding and bag-of-words similarity for the repeat detectors
 * (repeated_question trigger, visitor restatement after a handoff). Pure and total: any string in,
 * never throws.
 */
import { STOP_WORDS } from "./stop-words.js";
import { SYNONYMS } from "./synonyms.js";

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
const MARKS = /\p{M}+/gu;

/**
 * Lower case, no diacritics, straight apostrophes.
 * @example
 * fold("Pásame ÉL") // "pasame el"
 */
export function fold(text: string): string {
  return text.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/[’‘`]/g, "'");
}

/**
 * Folded word tokens, in order.
 * @example
 * words("Where's my ORDER?") // ["where's", "my", "order"]
 */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Light plural folding so "refunds" and "refund" meet; words longer than 3 letters, not -ss/-us/-is. */
function stem(word: string): string {
  return word.length > 3 && /[^sui]s$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The distinct content words of a text: folded, stop-words (en, es, fr, de, pt) and
 * contractions removed, lightly stemmed.
 * @example
 * contentTokens("Where is my refund?!") // Set { "refund" }
 */
export function contentTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (STOP_WORDS.has(w)) continue;
    const base = w.includes("'") ? w.split("'").find((p) => p.length > 2 && !STOP_WORDS.has(p)) : w;
    if (base !== undefined) out.add(stem(base));
  }
  return out;
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sets; 0 when both are empty.
 * @example
 * jaccard(new Set(["a", "b"]), new Set(["b", "c"])) // 1 / 3
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Content-word similarity of two texts (0..1), ignoring case, accents, punctuation and stop-words.
 * @example
 * textSimilarity("Where is my refund?", "WHERE IS MY REFUND") // 1
 */
export function textSimilarity(a: string, b: string): number {
  return jaccard(contentTokens(a), contentTokens(b));
}

/**
 * True when a message is too short to call a repeat: fewer than 3 words, or no content word
 * ("ok ok ok", "yes please").
 */
export function isTriviallyShort(text: string): boolean {
  return words(text).length < 3 || contentTokens(text).size === 0;
}

/** Words that add nothing to what a question asks ("file" in "a CSV file"), besides stop-words. */
const FILLER: ReadonlySet<string> = new Set(["file", "thing", "way", "help", "like", "possible", "kindly", "exactly"]);

/**
 * Content words with synonyms folded onto one word ("package", "parcel" → "order"), filler dropped.
 * @example
 * canonicalTokens("where's my package?") // Set { "order" }
 */
export function canonicalTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of contentTokens(text)) {
    if (FILLER.has(t)) continue;
    out.add(SYNONYMS.get(t) ?? t);
  }
  return out;
}

function charGrams(tokens: ReadonlySet<string>): Set<string> {
  const grams = new Set<string>();
  for (const t of tokens) {
    const padded = `<${t}>`;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/**
 * How alike two questions are in meaning (0..1): a blend of the Jaccard and overlap (containment)
 * of canonical content words and the Dice coefficient of their character trigrams (typos,
 * inflections). Weights tuned on Bitext train pairs (`npm run eval:nlu` reports validation pairs).
 * @example
 * paraphraseScore("Where is my order?", "where's my package?") // 1
 * paraphraseScore("How do I export my data to CSV?", "how can I export my data as a CSV file?") // 1
 */
export function paraphraseScore(a: string, b: string): number {
  const ta = canonicalTokens(a);
  const tb = canonicalTokens(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let inter = 0;
  for (const x of ta) if (tb.has(x)) inter++;
  const jac = inter / (ta.size + tb.size - inter);
  const overlap = inter / Math.min(ta.size, tb.size);
  const ga = charGrams(ta);
  const gb = charGrams(tb);
  let common = 0;
  for (const g of ga) if (gb.has(g)) common++;
  const dice = ga.size + gb.size === 0 ? 0 : (2 * common) / (ga.size + gb.size);
  const score = PARAPHRASE_WEIGHTS.jaccard * jac + PARAPHRASE_WEIGHTS.overlap * overlap + PARAPHRASE_WEIGHTS.dice * dice;
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

export const PARAPHRASE_WEIGHTS = { jaccard: 0.4, overlap: 0.3, dice: 0.3 } as const;
