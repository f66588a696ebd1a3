import type { Customer, Trigger, TriggerKind } from "../model.js";
import {
  checkConfidenceDrop,
  checkExplicitRequest,
  checkHighValue,
  checkKeyword,
  checkNegativeSentiment,
  checkRepeatedQuestion,
  type VisitorTurn,
} from "./trigger-checks.js";
import type { TriggerConfig } from "./trigger-config.js";

export interface DetectTriggerInput {
  /** Visitor turns so far, oldest first; the last one is the new message. */
  readonly turns: readonly VisitorTurn[];
  readonly customer: Customer | null;
  /**
   * Ids of visitor turns the bot has already replied to. When given, only those count as
   * "asked before" for repeated_question; when absent, every earlier turn counts.
   */
  readonly botAnsweredIds?: readonly string[];
}

/**
 * Decides whether the new visitor message hands the conversation to a human. Checks in a fixed
 * order and returns the first that fires: high_value → explicit_request → keyword →
 * negative_sentiment → repeated_question → confidence_drop. Deterministic; never throws. With
 * `enabled`, only those kinds are checked (an external bot's owner may turn some off).
 *
 * @example
 * detectTrigger({ turns: [{ messageId: "m1", text: "I want a human", at: 1, nlu }], customer: null }, DEFAULT_TRIGGER_CONFIG)
 * // { kind: "explicit_request", at: 1, reason: 'visitor asked for a human: "human"', evidence: { messageIds: ["m1"], scores: {} } }
 */
export function detectTrigger(input: DetectTriggerInput, cfg: TriggerConfig, enabled?: ReadonlySet<TriggerKind>): Trigger | null {
  const { turns } = input;
  const last = turns[turns.length - 1];
  if (last === undefined) return null;
  const answered = input.botAnsweredIds ? new Set(input.botAnsweredIds) : null;
  const on = (kind: TriggerKind) => enabled === undefined || enabled.has(kind);
  return (
    (on("high_value") ? checkHighValue(last, input.customer, cfg) : null) ??
    (on("explicit_request") ? checkExplicitRequest(last) : null) ??
    (on("keyword") ? checkKeyword(last, cfg) : null) ??
    (on("negative_sentiment") ? checkNegativeSentiment(last, cfg) : null) ??
    (on("repeated_question") ? checkRepeatedQuestion(turns, cfg, answered) : null) ??
    (on("confidence_drop") ? checkConfidenceDrop(turns, cfg) : null)
  );
}
