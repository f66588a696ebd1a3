import type { Handoff } from "../model.js";
import { percentile } from "./percentile.js";
import { groupByRule, type RuleRef } from "./rule-ref.js";

export interface TimeToFirstHuman {
  readonly ruleId: string;
  readonly ruleName: string;
  /** Handoffs under this rule. */
  readonly count: number;
  /** Of those, the ones a human has answered (firstHumanAt set). */
  readonly answered: number;
  /** Seconds from trigger to first human message, over answered handoffs; null when none. */
  readonly p50: number | null;
  readonly p90: number | null;
}

/** Seconds from the trigger to the first human message, or null while unanswered. */
export function secondsToFirstHuman(h: Pick<Handoff, "trigger" | "firstHumanAt">): number | null {
  return h.firstHumanAt === null ? null : (h.firstHumanAt - h.trigger.at) / 1000;
}

/**
 * Time from trigger to first human message per rule, in seconds (`percentile`: linear
 * interpolation). Unanswered handoffs count in `count` but not in the percentiles. Rows follow
 * `rules`, then any rule id found only in the handoffs (named after its id).
 * @example
 * timeToFirstHuman(handoffs, [{ id: "vip", name: "VIP" }]);
 * // [{ ruleId: "vip", ruleName: "VIP", count: 3, answered: 2, p50: 15, p90: 19 }]
 */
export function timeToFirstHuman(handoffs: readonly Handoff[], rules: readonly RuleRef[]): TimeToFirstHuman[] {
  return groupByRule(handoffs, rules).map(({ rule, items }) => {
    const seconds = items.map(secondsToFirstHuman).filter((s): s is number => s !== null);
    return {
      ruleId: rule.id,
      ruleName: rule.name,
      count: items.length,
      answered: seconds.length,
      p50: percentile(seconds, 50),
      p90: percentile(seconds, 90),
    };
  });
}
