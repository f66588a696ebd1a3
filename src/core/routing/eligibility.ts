import type { AgentProfile, AgentRuntime } from "../model.js";
import type { Constraints } from "./constraints.js";
import type { LayerStep } from "./types.js";

export type Layer = LayerStep["layer"];

/** The filtering layers, in the order the explanation reports them. */
export const LAYERS: readonly Layer[] = ["target", "presence", "excluded", "team", "skills", "language", "tier", "capacity"];

export function teamOk(a: AgentProfile, c: Constraints): boolean {
  if (c.teams === null) return true;
  for (const t of c.teams) if (a.teams.includes(t)) return true;
  return false;
}

/**
 * The agent's proficiency for the request: over the skill sets they fully hold, the best of
 * their weakest proficiency in the set (0 for a set with no skills); -1 when they hold none.
 */
export function proficiencyFor(a: AgentProfile, c: Constraints): number {
  let best = -1;
  for (const set of c.skillSets) {
    let weakest = set.length === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (const skill of set) {
      const held = proficiencyIn(a, skill);
      if (held < 0) {
        weakest = -1;
        break;
      }
      if (held < weakest) weakest = held;
    }
    if (weakest > best) best = weakest;
  }
  return best;
}

/** The agent's proficiency in one skill, or -1 when they do not hold it. */
function proficiencyIn(a: AgentProfile, skill: string): number {
  for (const s of a.skills) if (s.skill === skill) return s.proficiency;
  return -1;
}

export function languageOk(a: AgentProfile, c: Constraints): boolean {
  return a.languages.includes(c.language) || (c.allowTranslation && a.translationEnabled);
}

/** named_csm: only the named CSM (senior agents when the customer has none); senior: seniors or the CSM. */
export function tierOk(a: AgentProfile, c: Constraints): boolean {
  switch (c.tier) {
    case "any":
      return true;
    case "senior":
      return a.senior || a.id === c.csmAgentId;
    case "named_csm":
      return c.csmAgentId === null ? a.senior : a.id === c.csmAgentId;
  }
}

/** The first layer that filters this agent out, or null when the agent may take the chat now. */
export function failingLayer(a: AgentRuntime, c: Constraints): Layer | null {
  if (c.targetAgentId !== null && a.id !== c.targetAgentId) return "target";
  if (a.presence !== "online") return "presence";
  if (c.excludeAgentIds.includes(a.id)) return "excluded";
  if (!teamOk(a, c)) return "team";
  if (proficiencyFor(a, c) < 0) return "skills";
  if (!languageOk(a, c)) return "language";
  if (!tierOk(a, c)) return "tier";
  if (a.active.length >= a.cap) return "capacity";
  return null;
}

/**
 * Whether the agent, once online and with a free slot, may take a chat with these constraints:
 * every layer but presence and capacity. An agent with a cap of 0 may never take one.
 */
export function mayServe(a: AgentProfile, c: Constraints): boolean {
  if (a.cap <= 0) return false;
  if (c.targetAgentId !== null && a.id !== c.targetAgentId) return false;
  if (c.excludeAgentIds.includes(a.id)) return false;
  return teamOk(a, c) && proficiencyFor(a, c) >= 0 && languageOk(a, c) && tierOk(a, c);
}
