/**
 * The training and calibration rows of the shipped NLU models, built ONLY from dev-data splits whose
 * licence allows commercial use (see docs/NLU.md). Shared by `npm run train:nlu` and `npm run
 * eval:nlu` so the eval knows exactly which rows were trained on and never reports on them.
 *
 * - Intent model: Bitext train (CDLA-Sharing-1.0), CLINC150 train + oos_train (CC BY 3.0), the
 *   hand-written corpus utterances. Rows whose hash falls in the calibration slice (1 in 6) are kept
 *   out of training and used to fit the temperature.
 * - Frustration model: Bitext train, HINT3 train rows of the "train half" (ODbL; the other half is
 *   reported), CLINC150 train. 1 in 5 rows (by hash) is the tuning slice for the threshold.
 * Never used: Bitext validation, CLINC val/oos_val, HINT3 report half, tweets (CC BY-NC-SA).
 */
import type { BotCorpus } from "../../src/adapters/nlu/corpus.schema.js";
import type { TrainExample } from "../../src/adapters/nlu/linear/train-linear.js";
import { type BitextRow, readBitext, readClinc, readHint3 } from "./datasets.js";
import {
  BITEXT_FRUSTRATION_POSITIVE,
  BITEXT_INTENT_CORPUS,
  BITEXT_ORDINARY_EXCLUDED,
  CLINC_INTENT_CORPUS,
  CLINC_INTENT_QUESTION,
  CLINC_SUPPORT_DOMAINS,
  HINT3_HUMAN_POSITIVE,
  HINT3_ORDINARY_EXCLUDED,
} from "./label-map.js";
import { half } from "./metrics.js";

/** FNV-1a of a key, modulo n: a deterministic slice of the rows. */
export function bucket(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** HINT3 rows of the half that trains the frustration model (the other half is reported). */
export const hint3TrainHalf = (text: string) => half(`hint3:${text}`) === 0;

/** Out-of-scope training rows taken per CLINC non-support intent. */
const NONE_PER_INTENT = 30;
/** Out-of-scope rows weigh less than in-scope ones: a support message with some off-topic words stays in scope. */
const NONE_WEIGHT = 0.5;

export interface IntentData {
  readonly train: TrainExample[];
  readonly calibration: TrainExample[];
}

/** Intent model rows (labels are corpus intent names, "none" = out of scope). */
export function intentTrainingData(corpus: BotCorpus, bitextTrain: readonly BitextRow[] = readBitext("train")): IntentData {
  const rows: TrainExample[] = [];
  for (const r of bitextTrain) {
    const label = BITEXT_INTENT_CORPUS[r.intent];
    if (label) rows.push({ text: r.text, label });
  }
  const { train, calibration } = splitCalibration([...rows, ...outOfScopeRows()]);
  // The corpus's own utterances (every language) always train, weighted up: for several intents and
  // for es/fr/de/pt they are the only examples.
  for (const intent of corpus.intents) {
    for (const utterances of Object.values(intent.utterances)) for (const u of utterances) train.push({ text: u, label: intent.name, weight: 3 });
  }
  return { train, calibration };
}

/**
 * Question model rows (the repeat detector's "same question"): Bitext train labelled with Bitext's own
 * 27 intents (finer than the corpus's: "open an account" and "delete my account" are both
 * account.manage), plus the same out-of-scope rows as the intent model.
 */
export function questionTrainingData(bitextTrain: readonly BitextRow[] = readBitext("train")): IntentData {
  const question = new Map(Object.entries(CLINC_INTENT_CORPUS).map(([clinc, intent]) => [intent, CLINC_INTENT_QUESTION[clinc]]));
  const outOfScope = outOfScopeRows().map((r) => {
    if (r.label === "none") return r;
    const q = question.get(r.label);
    return q ? { text: r.text, label: q } : { text: r.text, label: "none", weight: NONE_WEIGHT };
  });
  return splitCalibration([...bitextTrain.map((r) => ({ text: r.text, label: r.intent })), ...outOfScope]);
}

/** The question model's classes: Bitext's intents and "none". */
export const questionClasses = (bitextTrain: readonly BitextRow[] = readBitext("train")): string[] => [...new Set(bitextTrain.map((r) => r.intent))].sort().concat("none");

/** 1 row in 6 (by hash) calibrates; the rest trains. */
function splitCalibration(rows: readonly TrainExample[]): { train: TrainExample[]; calibration: TrainExample[] } {
  const train: TrainExample[] = [];
  const calibration: TrainExample[] = [];
  for (const r of rows) (bucket(`cal:${r.text}`, 6) === 0 ? calibration : train).push(r);
  return { train, calibration };
}

/** CLINC150 rows outside the support domains (greetings keep their corpus intent) and oos_train, as "none". */
function outOfScopeRows(): TrainExample[] {
  const rows: TrainExample[] = [];
  const clinc = readClinc();
  const taken = new Map<string, number>();
  for (const r of clinc.train) {
    const domain = clinc.domainOf.get(r.label) ?? "";
    if (CLINC_SUPPORT_DOMAINS.has(domain)) continue;
    const label = CLINC_INTENT_CORPUS[r.label] ?? "none";
    const n = taken.get(r.label) ?? 0;
    if (n >= NONE_PER_INTENT) continue;
    taken.set(r.label, n + 1);
    rows.push(label === "none" ? { text: r.text, label, weight: NONE_WEIGHT } : { text: r.text, label });
  }
  for (const r of clinc.oosTrain) rows.push({ text: r.text, label: "none", weight: NONE_WEIGHT });
  return rows;
}

export const FRUSTRATED = "frustrated";
export const CALM = "calm";

export interface FrustrationRow {
  readonly text: string;
  readonly positive: boolean;
  /** A hand-written corpus example: always trains (never in the tune slice). */
  readonly seed?: boolean;
}

/** Frustration rows from the training splits only, before the tune slice is cut. */
export function frustrationRows(corpus: BotCorpus, bitextTrain: readonly BitextRow[] = readBitext("train")): FrustrationRow[] {
  const rows: FrustrationRow[] = [];
  for (const [positive, byLang] of [[true, corpus.frustration.frustrated], [false, corpus.frustration.calm]] as const) {
    for (const examples of Object.values(byLang)) for (const text of examples) rows.push({ text, positive, seed: true });
  }
  for (const r of bitextTrain) {
    if (BITEXT_FRUSTRATION_POSITIVE.has(r.intent)) rows.push({ text: r.text, positive: true });
    else if (!BITEXT_ORDINARY_EXCLUDED.has(r.intent)) rows.push({ text: r.text, positive: false });
  }
  for (const r of readHint3()) {
    if (!hint3TrainHalf(r.text)) continue;
    if (HINT3_HUMAN_POSITIVE.has(r.label)) rows.push({ text: r.text, positive: true });
    else if (!HINT3_ORDINARY_EXCLUDED.has(r.label)) rows.push({ text: r.text, positive: false });
  }
  const clinc = readClinc();
  const taken = new Map<string, number>();
  for (const r of clinc.train) {
    const n = taken.get(r.label) ?? 0;
    if (n >= 15) continue;
    taken.set(r.label, n + 1);
    rows.push({ text: r.text, positive: false });
  }
  return rows;
}

/** The frustration tune slice (threshold choice), 1 row in 5 by hash. */
export const isFrustrationTune = (text: string) => bucket(`tune:${text}`, 5) === 0;
