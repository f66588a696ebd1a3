import { featurize } from "./linear/features.js";
import { type LinearModel, logits, softmax } from "./linear/linear-model.js";
import { OUT_OF_SCOPE } from "./linear-intent-classifier.js";

export interface QuestionReader {
  /** The finer question a message asks and its calibrated probability; null when out of scope wins. */
  read(text: string): { readonly id: string; readonly confidence: number } | null;
}

/**
 * The trained question model (`npm run train:nlu`): the same hashed n-grams as the intent model,
 * over finer classes (Bitext's 27 customer-service intents and "none"), so the repeat trigger can
 * tell "open an account" from "delete my account" although both are account.manage.
 * @example
 * const q = createQuestionReader(model);
 * q.read("how do I close my account")?.id // "delete_account"
 */
export function createQuestionReader(model: LinearModel): QuestionReader {
  return {
    read(text) {
      const x = featurize(text, model.dim);
      if (x.index.length === 0) return null;
      const p = softmax(logits(model, x), model.temperature);
      let best = 0;
      for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
      const id = model.classes[best];
      if (id === undefined || id === OUT_OF_SCOPE) return null;
      return { id, confidence: Math.round(p[best]! * 1000) / 1000 };
    },
  };
}
