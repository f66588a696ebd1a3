import type { CustomerTier, Trigger } from "../model.js";

export interface PriorityBoostConfig {
  readonly negativeSentimentBoost: number;
  readonly vipBoost: number;
  /** Sentiment at or below this counts as negative (the trigger threshold, config triggers.negativeSentimentScore). */
  readonly negativeSentimentScore: number;
}

export interface BoostSignals {
  readonly trigger: Trigger;
  /** Sentiment score of the visitor's latest message (-1..1), or null when unknown. */
  readonly sentiment: number | null;
  readonly tier: CustomerTier;
}

/**
 * What is added to the matched rule's priority, from the signals rather than from the trigger
 * that happened to fire first: negative sentiment adds its boost whether the handoff came from a
 * keyword, a request for a human or the sentiment itself; a VIP or enterprise customer adds the VIP boost.
 * @example
 * priorityBoost({ trigger: keywordTrigger, sentiment: -0.72, tier: "standard" }, { negativeSentimentBoost: 20, vipBoost: 0, negativeSentimentScore: -0.5 })
 * // { boost: 20, reasons: ["negative sentiment (-0.72): +20"] }
 */
export function priorityBoost(s: BoostSignals, cfg: PriorityBoostConfig): { readonly boost: number; readonly reasons: readonly string[] } {
  const reasons: string[] = [];
  let boost = 0;
  const fromTrigger = s.trigger.kind === "negative_sentiment" ? s.trigger.evidence.scores.sentiment : undefined;
  const score = s.sentiment !== null && Number.isFinite(s.sentiment) ? s.sentiment : (fromTrigger ?? null);
  const negative = s.trigger.kind === "negative_sentiment" || (score !== null && score <= cfg.negativeSentimentScore);
  if (negative && cfg.negativeSentimentBoost !== 0) {
    boost += cfg.negativeSentimentBoost;
    reasons.push(`negative sentiment${score === null ? "" : ` (${score.toFixed(2)})`}: +${cfg.negativeSentimentBoost}`);
  }
  if (s.tier !== "standard" && cfg.vipBoost !== 0) {
    boost += cfg.vipBoost;
    reasons.push(`${s.tier} customer: +${cfg.vipBoost}`);
  }
  return { boost, reasons };
}
