import type { Handoff } from "../model.js";
import { groupByRule, type RuleRef } from "./rule-ref.js";

export interface UnansweredReassignments {
  readonly ruleId: string;
  readonly handoffs: number;
  /** Handoffs whose chat was taken back at least once from an agent who had not answered it in time. */
  readonly reassigned: number;
  /** Times chats were taken back, in all (a chat may go unanswered by two agents in turn). */
  readonly times: number;
}

/**
 * Per rule, the handoffs reassigned because the agent holding them did not answer in time
 * ("not answered by María in 90 s"). Rows follow `rules`, then other rule ids (see `groupByRule`).
 * @example
 * unansweredReassignments(handoffs, rules); // [{ ruleId: "billing", handoffs: 10, reassigned: 1, times: 1 }]
 */
export function unansweredReassignments(handoffs: readonly Handoff[], rules: readonly RuleRef[] = []): UnansweredReassignments[] {
  return groupByRule(handoffs, rules).map(({ rule, items }) => ({
    ruleId: rule.id,
    handoffs: items.length,
    reassigned: items.filter((h) => h.unansweredReassignments > 0).length,
    times: items.reduce((sum, h) => sum + h.unansweredReassignments, 0),
  }));
}
