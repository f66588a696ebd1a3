import { featurize } from "./linear/features.js";
import { type LinearModel, logits, softmax } from "./linear/linear-model.js";

/** Name of the positive class of the frustration model ("wants or needs a human now"). */
export const FRUSTRATED_CLASS = "frustrated";

/**
 * Dense features next to the n-grams: the negative and positive parts of the sentiment score, so a
 * lexicon's opinion is one input among many instead of the verdict.
 */
export function frustrationDense(sentimentScore: number): number[] {
  const s = Number.isFinite(sentimentScore) ? sentimentScore : 0;
  return [Math.max(0, -s), Math.max(0, s)];
}

export interface FrustrationScorer {
  /** Probability (0..1) that the visitor wants or needs a human now: complaint, anger, repeated failure, urgency. */
  score(text: string, sentimentScore: number): number;
}

/**
 * The trained frustration classifier (see `npm run train:nlu`): logistic regression over hashed
 * n-grams plus the sentiment score.
 * @example
 * const f = createFrustrationScorer(model);
 * f.score("Waste of time", -0.24) // 0.9
 * f.score("report a sign-up problem", -0.72) // 0.05
 */
export function createFrustrationScorer(model: LinearModel): FrustrationScorer {
  const positive = model.classes.indexOf(FRUSTRATED_CLASS);
  if (positive < 0) throw new Error(`frustration model has no "${FRUSTRATED_CLASS}" class`);
  return {
    score(text, sentimentScore) {
      const p = softmax(logits(model, featurize(text, model.dim), frustrationDense(sentimentScore)), model.temperature);
      return Math.round(p[positive]! * 1000) / 1000;
    },
  };
}
