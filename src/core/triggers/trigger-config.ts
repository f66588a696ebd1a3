import type { CustomerTier, Lang } from "../model.js";

/**
 * Everything the triggers read from configuration. Thresholds and word lists are per language;
 * a language without its own list falls back to `keywords.default`.
 */
export interface TriggerConfig {
  /** An intent confidence below this counts as a low-confidence turn. */
  readonly confidenceThreshold: number;
  /** How many consecutive low-confidence visitor turns trigger a handoff (2 by default). */
  readonly lowConfidenceTurns: number;
  /**
   * NLU sentiment scores at or below this (-1..1 scale) trigger a handoff, but only for readings
   * without a frustration probability (the trained model decides when it is there).
   */
  readonly negativeSentimentScore: number;
  /** A frustration probability (0..1, "wants a human now") at or above this triggers a handoff. */
  readonly frustrationThreshold: number;
  /** Paraphrase score (0..1) at or above which a visitor question counts as a repeat of an earlier one. */
  readonly repeatSimilarity: number;
  /** Lower paraphrase score that is enough when both turns have the same understood intent and fields. */
  readonly repeatSameIntentSimilarity: number;
  /** Keywords that hand off at once ("cancel", "refund", "broken", "urgent"), per language. */
  readonly keywords: Readonly<Record<Lang | "default", readonly string[]>>;
  /**
   * Words or phrases that, in the same message as a keyword, say the keyword is not about the
   * customer relationship ("cancel my newsletter subscription"), per language; a language without
   * its own list uses `default`. Absent: no exceptions.
   */
  readonly keywordExceptions?: Readonly<Partial<Record<Lang | "default", readonly string[]>>>;
  /** Customer tiers that go to a human from their first message. */
  readonly highValueTiers: readonly CustomerTier[];
}

export const DEFAULT_TRIGGER_CONFIG: TriggerConfig = {
  confidenceThreshold: 0.65,
  lowConfidenceTurns: 2,
  negativeSentimentScore: -0.5,
  frustrationThreshold: 0.3,
  repeatSimilarity: 0.8,
  repeatSameIntentSimilarity: 0.1,
  keywords: {
    default: ["cancel", "refund", "broken", "urgent"],
    en: ["cancel", "refund", "broken", "urgent", "chargeback", "lawyer"],
    es: ["cancelar", "reembolso", "roto", "urgente"],
    fr: ["annuler", "remboursement", "cassé", "urgent"],
    de: ["kündigen", "stornieren", "erstattung", "kaputt", "dringend"],
    pt: ["cancelar", "reembolso", "quebrado", "urgente"],
  },
  keywordExceptions: {
    default: ["newsletter"],
    es: ["newsletter", "boletín"],
    fr: ["newsletter", "lettre d'information"],
    pt: ["newsletter", "boletim"],
  },
  highValueTiers: ["vip", "enterprise"],
};
