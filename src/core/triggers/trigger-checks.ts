/**
 * One check per trigger kind. Each returns a Trigger or null and never throws: inputs may carry
 * NaN scores, empty text or languages without a keyword list.
 */
import type { Customer, NluResult, Trigger } from "../model.js";
import { fold, isTriviallyShort, paraphraseScore, words } from "./text-similarity.js";
import type { TriggerConfig } from "./trigger-config.js";

/** One visitor message as the triggers see it. */
export interface VisitorTurn {
  readonly messageId: string;
  readonly text: string;
  readonly at: number;
  readonly nlu: NluResult;
}

const trigger = (kind: Trigger["kind"], turn: VisitorTurn, reason: string, ids: readonly string[], scores: Record<string, number>): Trigger => ({
  kind,
  at: turn.at,
  reason,
  evidence: { messageIds: ids, scores },
});

/** The customer's tier is one of `cfg.highValueTiers`. */
export function checkHighValue(last: VisitorTurn, customer: Customer | null, cfg: TriggerConfig): Trigger | null {
  if (customer === null || !cfg.highValueTiers.includes(customer.tier)) return null;
  const scores: Record<string, number> = Number.isFinite(customer.lifetimeValue) ? { lifetimeValue: customer.lifetimeValue } : {};
  return trigger("high_value", last, `${customer.tier} customer ${customer.name}`, [last.messageId], scores);
}

/** The NLU found an explicit request for a human (negation handling is the NLU's job). */
export function checkExplicitRequest(last: VisitorTurn): Trigger | null {
  const req = last.nlu.explicitHumanRequest;
  if (!req.requested) return null;
  const said = req.evidence ?? last.text;
  return trigger("explicit_request", last, `visitor asked for a human: "${said.slice(0, 80)}"`, [last.messageId], {});
}

/** The keyword list for a language; a language without its own list uses `default`. */
export function keywordsFor(lang: string, cfg: TriggerConfig): readonly string[] {
  const own = Object.hasOwn(cfg.keywords, lang) ? cfg.keywords[lang] : undefined;
  return Array.isArray(own) ? own : (cfg.keywords.default ?? []);
}

/** Index of `needle` as a contiguous word run inside `hay`, or -1. */
function indexOfRun(hay: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The keyword exceptions for a language; a language without its own list uses `default`. */
function exceptionsFor(lang: string, cfg: TriggerConfig): readonly string[] {
  const all = cfg.keywordExceptions ?? {};
  const own = Object.hasOwn(all, lang) ? all[lang] : undefined;
  return Array.isArray(own) ? own : (all.default ?? []);
}

/**
 * A configured keyword (or phrase) appears as whole words, ignoring case and accents, and no
 * configured exception for the language does ("cancel my newsletter" is not a cancellation).
 */
export function checkKeyword(last: VisitorTurn, cfg: TriggerConfig): Trigger | null {
  const text = words(last.text);
  for (const exception of exceptionsFor(last.nlu.language, cfg)) {
    if (typeof exception === "string" && indexOfRun(text, words(exception)) >= 0) return null;
  }
  for (const keyword of keywordsFor(last.nlu.language, cfg)) {
    if (typeof keyword !== "string") continue;
    if (indexOfRun(text, words(keyword)) >= 0) {
      return trigger("keyword", last, `visitor wrote "${fold(keyword)}"`, [last.messageId], {});
    }
  }
  return null;
}

/**
 * The visitor wants a human now: the NLU's frustration probability at or above
 * `cfg.frustrationThreshold`. A reading without one (an external bot's) falls back to the sentiment
 * score at or below `cfg.negativeSentimentScore`; the label alone never decides.
 */
export function checkNegativeSentiment(last: VisitorTurn, cfg: TriggerConfig): Trigger | null {
  const { score, label } = last.nlu.sentiment;
  const frustration = last.nlu.frustration;
  if (typeof frustration === "number" && !Number.isNaN(frustration)) {
    if (!(frustration >= cfg.frustrationThreshold)) return null;
    const scores: Record<string, number> = { frustration };
    if (Number.isFinite(score)) scores.sentiment = score;
    return trigger("negative_sentiment", last, `visitor is frustrated (score ${frustration.toFixed(2)})`, [last.messageId], scores);
  }
  if (!Number.isFinite(score) || score > cfg.negativeSentimentScore) return null;
  return trigger("negative_sentiment", last, `negative sentiment (${label}, score ${score.toFixed(2)})`, [last.messageId], {
    sentiment: score,
  });
}

/** Field → value of a reading's entities (first value per field). */
function fieldsOf(reading: NluResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of reading.entities) if (!out.has(e.field)) out.set(e.field, e.value.toLowerCase());
  return out;
}

/** Both readings carry the same fields with the same values. */
function sameFields(a: NluResult, b: NluResult): boolean {
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  if (fa.size !== fb.size) return false;
  for (const [k, v] of fa) if (fb.get(k) !== v) return false;
  return true;
}

/**
 * The question model read the same question in both readings, both at or above `minConfidence`,
 * and both carry the same fields with the same values. Also used for the restatement rate after a
 * transfer (`isRestatement`).
 * @example
 * sameQuestionReading(closeAccount, removeMyUser, 0.65) // true: both "delete_account", no fields
 */
export function sameQuestionReading(a: NluResult, b: NluResult, minConfidence: number): boolean {
  const qa = a.question;
  const qb = b.question;
  if (!qa || !qb || !(qa.confidence >= minConfidence && qb.confidence >= minConfidence)) return false;
  return qa.id === qb.id && sameFields(a, b);
}

/**
 * How the two turns are known to ask the same thing, if they do, with the same fields and values
 * ("order 123" then "order 456" is another question; "where is my order?" then "it's 123, where is
 * it?" answers the bot's ask for the number). "question": both have a confident reading of the
 * question model (finer than the intent: opening and deleting an account are both account.manage)
 * and it is the same. "intent": no such pair of readings (another language, an external bot's NLU),
 * but the same understood intent (not none, not a greeting, both confident).
 */
function sameQuestionAndFields(a: VisitorTurn, b: VisitorTurn, cfg: TriggerConfig): "question" | "intent" | null {
  const qa = a.nlu.question;
  const qb = b.nlu.question;
  const confident = (x: number) => x >= cfg.confidenceThreshold;
  if (qa && qb && confident(qa.confidence) && confident(qb.confidence)) {
    return sameQuestionReading(a.nlu, b.nlu, cfg.confidenceThreshold) ? "question" : null;
  }
  const ia = a.nlu.intent;
  if (ia === "none" || ia !== b.nlu.intent || a.nlu.topic === "greeting") return null;
  if (!(confident(a.nlu.confidence) && confident(b.nlu.confidence))) return null;
  return sameFields(a.nlu, b.nlu) ? "intent" : null;
}

/**
 * The new message asks an earlier visitor question again, by meaning: its paraphrase score
 * (synonyms, character n-grams) is at or above `cfg.repeatSimilarity`; or the question model reads
 * the same question in both with the same fields (no word in common needed: "how do I close my
 * account?" / "delete my profile"); or, without question readings, the same intent and fields and a
 * score at or above `cfg.repeatSameIntentSimilarity`. The new message must not be trivially short.
 * With `answered` given, only earlier turns the bot already replied to count (a double-send before
 * any reply is no repeat). The most similar earlier turn is the evidence; ties go to the most recent.
 */
export function checkRepeatedQuestion(
  turns: readonly VisitorTurn[],
  cfg: TriggerConfig,
  answered: ReadonlySet<string> | null,
): Trigger | null {
  const last = turns[turns.length - 1];
  if (last === undefined || isTriviallyShort(last.text)) return null;
  let best: { turn: VisitorTurn; similarity: number } | null = null;
  for (const earlier of turns.slice(0, -1)) {
    if (answered !== null && !answered.has(earlier.messageId)) continue;
    const similarity = paraphraseScore(last.text, earlier.text);
    let repeat = similarity >= cfg.repeatSimilarity;
    if (!repeat) {
      const same = sameQuestionAndFields(last, earlier, cfg);
      repeat = same === "question" || (same === "intent" && similarity >= cfg.repeatSameIntentSimilarity);
    }
    if (repeat && (best === null || similarity >= best.similarity)) best = { turn: earlier, similarity };
  }
  if (best === null) return null;
  return trigger(
    "repeated_question",
    last,
    `visitor repeated an earlier question (similarity ${best.similarity.toFixed(2)})`,
    [best.turn.messageId, last.messageId],
    { similarity: best.similarity },
  );
}

/**
 * The last `cfg.lowConfidenceTurns` visitor turns (at least 1) all have intent confidence below
 * `cfg.confidenceThreshold`. Evidence keys the scores by message id.
 */
export function checkConfidenceDrop(turns: readonly VisitorTurn[], cfg: TriggerConfig): Trigger | null {
  const n = Math.max(1, Math.floor(Number.isFinite(cfg.lowConfidenceTurns) ? cfg.lowConfidenceTurns : 1));
  if (turns.length < n) return null;
  const window = turns.slice(turns.length - n);
  if (!window.every((t) => t.nlu.confidence < cfg.confidenceThreshold)) return null;
  const last = window[window.length - 1]!;
  const scores: Record<string, number> = {};
  for (const t of window) scores[t.messageId] = t.nlu.confidence;
  return trigger(
    "confidence_drop",
    last,
    `${n} consecutive visitor turn${n === 1 ? "" : "s"} below confidence ${cfg.confidenceThreshold}`,
    window.map((t) => t.messageId),
    scores,
  );
}
