import type { Lang, RoutingRequest, RoutingRule } from "../model.js";

export interface RoutingRequestInput {
  readonly conversationId: string;
  readonly rule: RoutingRule;
  readonly language: Lang;
  readonly csmAgentId: string | null;
  /** When the handoff was triggered: the SLA clock starts here. */
  readonly triggeredAt: number;
  /** When the request enters routing (queue arrival). */
  readonly now: number;
  /** Added to the rule's priority, e.g. the negative-sentiment boost from config. */
  readonly priorityBoost?: number;
}

/**
 * The router's request for a conversation matched to `rule`: the rule's target, priority plus
 * boost, and an SLA deadline of `triggeredAt + slaSeconds`.
 *
 * @example
 * buildRoutingRequest({ conversationId: "c1", rule, language: "en", csmAgentId: null, triggeredAt: t, now: t + 200 });
 * // { ..., slaDeadline: t + rule.slaSeconds * 1000, arrivedAt: t + 200, excludeAgentIds: [], targetAgentId: null }
 */
export function buildRoutingRequest(input: RoutingRequestInput): RoutingRequest {
  const { rule } = input;
  return {
    conversationId: input.conversationId,
    ruleId: rule.id,
    skills: rule.target.skills,
    team: rule.target.team,
    language: input.language,
    allowTranslation: rule.target.allowTranslation,
    tier: rule.target.tier,
    csmAgentId: input.csmAgentId,
    priority: rule.priority + (input.priorityBoost ?? 0),
    triggeredAt: input.triggeredAt,
    arrivedAt: input.now,
    slaDeadline: input.triggeredAt + rule.slaSeconds * 1000,
    escalation: rule.escalation,
    excludeAgentIds: [],
    targetAgentId: null,
  };
}
