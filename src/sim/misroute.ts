import type { AgentProfile } from "../core/model.js";
import type { Arrival } from "./traffic.js";

/**
 * Whether an agent is the wrong person for a chat by its matched rule: they lack one of the
 * rule's target skills, or neither speak the visitor's language nor may serve it by
 * translation (translation-enabled, and the rule allows it). Baton's escalation steps widen
 * the target on purpose; an assignment made through them still counts here, so the metric is
 * the same yardstick for every policy.
 */
export function isMisroute(agent: AgentProfile, arrival: Arrival): boolean {
  const target = arrival.rule.target;
  for (const skill of target.skills) if (!agent.skills.some((s) => s.skill === skill)) return true;
  if (agent.languages.includes(arrival.language)) return false;
  return !(target.allowTranslation && agent.translationEnabled);
}
