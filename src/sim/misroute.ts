import type { AgentProfile } from "../core/model.js";
import type { Arrival } from "./traffic.js";

/**
 * Whether an agent is qualified for a chat by its matched rule, as a support lead reads it: they
 * hold every skill the rule requires, and they speak the visitor's language natively or serve
 * it by translation (translation-enabled). Team, tier and escalation steps do not enter: an
 * assignment made through a widening step to an agent without the skill is not qualified, so
 * the yardstick is the same for every policy.
 *
 * @example
 * isQualified(maria, billingChatInSpanish); // true: billing skill, speaks es
 */
export function isQualified(agent: AgentProfile, arrival: Pick<Arrival, "rule" | "language">): boolean {
  for (const skill of arrival.rule.target.skills) if (!agent.skills.some((s) => s.skill === skill)) return false;
  return agent.languages.includes(arrival.language) || agent.translationEnabled;
}

/** A first assignment to an agent who is not qualified for the chat (see `isQualified`). */
export function isMisroute(agent: AgentProfile, arrival: Pick<Arrival, "rule" | "language">): boolean {
  return !isQualified(agent, arrival);
}
