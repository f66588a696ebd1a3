import type { NluResult } from "../model.js";
import { fold, isTriviallyShort, paraphraseScore, sameQuestionReading, words } from "../triggers/index.js";

/** Paraphrase score (synonyms, character n-grams; the repeated_question trigger's) at or above which a visitor message restates an earlier one. */
export const RESTATEMENT_SIMILARITY = 0.8;
/** Question-model confidence both readings need to count as the same question (the shipped confidence threshold). */
export const RESTATEMENT_QUESTION_CONFIDENCE = 0.65;

export interface Restatement {
  readonly restated: boolean;
  /** Best content-word similarity to an earlier visitor text (0 when trivially short or none). */
  readonly similarity: number;
  /** The known field whose value the visitor typed again, if any. */
  readonly resuppliedField?: string;
}

const compact = (s: string) => fold(s).replace(/[\s\-_#().+/]/g, "");

/** Whether `text` contains the known `value`: identifiers by compacted substring, words as a whole-word run. */
function containsValue(text: string, value: string): boolean {
  if (/[\d@]/.test(value)) {
    const v = compact(value);
    return v.length >= 4 && compact(text).includes(v);
  }
  const v = words(value);
  const t = words(text);
  if (v.join("").length < 3) return false;
  outer: for (let i = 0; i + v.length <= t.length; i++) {
    for (let j = 0; j < v.length; j++) if (t[i + j] !== v[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether a visitor message (after a handoff) repeats what they already said: it is close in meaning to an
 * earlier visitor text (paraphrase score ≥ `threshold`, not trivially short), or, with the NLU
 * readings given, the question model reads the same question with the same fields as in an earlier
 * one (as the repeated_question trigger does), or it types a known field's value again. The seam
 * metric counts any.
 * @example
 * isRestatement("my order is A-12345", ["where is order A12345?"], [{ name: "order_number", value: "A12345" }])
 * // { restated: true, similarity: 0.33, resuppliedField: "order_number" }
 */
export function isRestatement(
  visitorText: string,
  earlierVisitorTexts: readonly string[],
  knownFields: readonly { readonly name: string; readonly value: string }[],
  threshold = RESTATEMENT_SIMILARITY,
  readings?: { readonly message: NluResult | null; readonly earlier: readonly (NluResult | null)[] },
): Restatement {
  let similarity = 0;
  let sameQuestion = false;
  if (!isTriviallyShort(visitorText)) {
    for (const earlier of earlierVisitorTexts) similarity = Math.max(similarity, paraphraseScore(visitorText, earlier));
    const message = readings?.message;
    if (message) sameQuestion = (readings?.earlier ?? []).some((e) => e !== null && sameQuestionReading(message, e, RESTATEMENT_QUESTION_CONFIDENCE));
  }
  const field = knownFields.find((f) => containsValue(visitorText, f.value));
  if (field) return { restated: true, similarity, resuppliedField: field.name };
  return { restated: similarity >= threshold || sameQuestion, similarity };
}
