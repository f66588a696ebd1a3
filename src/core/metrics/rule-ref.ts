import type { Handoff } from "../model.js";

/** A routing rule as the metrics name it (a `RoutingRule` fits this shape). */
export interface RuleRef {
  readonly id: string;
  readonly name: string;
}

/**
 * Groups handoffs by rule id: first the given rules in their order (empty groups included),
 * then rule ids seen only in the handoffs (a rule since removed from config), in order of
 * first appearance, named after their id.
 */
export function groupByRule<T extends Pick<Handoff, "ruleId">>(
  items: readonly T[],
  rules: readonly RuleRef[],
): { rule: RuleRef; items: T[] }[] {
  const groups = new Map<string, { rule: RuleRef; items: T[] }>();
  for (const rule of rules) if (!groups.has(rule.id)) groups.set(rule.id, { rule, items: [] });
  for (const item of items) {
    let group = groups.get(item.ruleId);
    if (!group) {
      group = { rule: { id: item.ruleId, name: item.ruleId }, items: [] };
      groups.set(item.ruleId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}
