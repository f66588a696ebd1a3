import type { Handoff } from "../model.js";
import { groupByRule, type RuleRef } from "./rule-ref.js";

export type SlaOutcome = "met" | "breached" | "pending";

export interface SlaAttainment {
  readonly ruleId: string;
  readonly total: number;
  readonly met: number;
  readonly breached: number;
  /** Unanswered and still before the deadline: not yet decided, left out of `attainment`. */
  readonly pending: number;
  /** met / (met + breached), in [0, 1]; null when nothing is decided yet. */
  readonly attainment: number | null;
}

/**
 * One handoff's SLA outcome at `now`: met when the first human message came at or before the
 * deadline; breached when it came later, or when there is none and `now` is past the deadline;
 * otherwise pending.
 */
export function slaOutcome(h: Pick<Handoff, "slaDeadline" | "firstHumanAt">, now: number): SlaOutcome {
  if (h.firstHumanAt !== null) return h.firstHumanAt <= h.slaDeadline ? "met" : "breached";
  return now > h.slaDeadline ? "breached" : "pending";
}

/**
 * SLA attainment per rule at `now` (see `slaOutcome`). Rows follow `rules` when given (empty
 * rules included), then rule ids in order of first appearance in `handoffs`.
 * @example
 * slaAttainment(handoffs, now); // [{ ruleId: "vip", total: 4, met: 2, breached: 1, pending: 1, attainment: 0.667 }]
 */
export function slaAttainment(handoffs: readonly Handoff[], now: number, rules: readonly RuleRef[] = []): SlaAttainment[] {
  return groupByRule(handoffs, rules).map(({ rule, items }) => {
    const counts = { met: 0, breached: 0, pending: 0 };
    for (const h of items) counts[slaOutcome(h, now)] += 1;
    const decided = counts.met + counts.breached;
    return {
      ruleId: rule.id,
      total: items.length,
      ...counts,
      attainment: decided === 0 ? null : counts.met / decided,
    };
  });
}
