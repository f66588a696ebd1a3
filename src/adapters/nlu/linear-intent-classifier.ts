import type { IntentClassification, IntentClassifier } from "./intent-classifier.js";
import { featurize } from "./linear/features.js";
import { type LinearModel, logits, softmax } from "./linear/linear-model.js";

/** The out-of-scope class of the trained model. */
export const OUT_OF_SCOPE = "none";

/**
 * The shipped intent classifier: a calibrated linear model over hashed n-grams with an explicit
 * out-of-scope class (`npm run train:nlu`). One model serves every language (character n-grams
 * carry across). When out-of-scope wins, the intent is "none" and the confidence is the best real
 * intent's probability, so vague and off-topic messages fall below the threshold.
 * @example
 * const c = createLinearIntentClassifier(model, 0);
 * (await c.classify("where is my order", "en")).intent // "orders.status"
 * (await c.classify("my cat walked on the keyboard", "en")).confidence // 0.02
 */
export function createLinearIntentClassifier(model: LinearModel, loadMs: number): IntentClassifier {
  const none = model.classes.indexOf(OUT_OF_SCOPE);
  return {
    languages: ["*"],
    origin: { kind: "cache", ms: loadMs },
    async classify(text): Promise<IntentClassification> {
      const x = featurize(text, model.dim);
      if (x.index.length === 0) return { intent: "none", confidence: 0, alternatives: [] };
      const p = softmax(logits(model, x), model.temperature);
      const scores = model.classes
        .map((intent, i) => ({ intent, confidence: Math.round(p[i]! * 1000) / 1000 }))
        .filter((_, i) => i !== none)
        .sort((a, b) => b.confidence - a.confidence);
      const best = scores[0];
      if (best === undefined) return { intent: "none", confidence: 0, alternatives: [] };
      if (none >= 0 && p[none]! > best.confidence) return { intent: "none", confidence: best.confidence, alternatives: scores.slice(0, 3) };
      return { intent: best.intent, confidence: best.confidence, alternatives: scores.slice(1, 4) };
    },
  };
}
