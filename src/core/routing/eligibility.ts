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
 * How much the pick order prefers an agent for the request, as one number (higher is better;
 * -1 when they hold none of the skill sets). In order of weight: the earliest skill set they
 * hold (the rule's own skills before a set an escalation step added), the earliest of the
 * request's teams they are in (the rule's team before a widened one), seniority when the rule
 * asked for seniors, speaking the language natively (before machine translation), then their
 * weakest proficiency in that skill set (0 for a set with no skills). See `preference`.
 */
export function levelFor(a: AgentProfile, c: Constraints): number {
  for (let i = 0; i < c.skillSets.length; i++) {
    const set = c.skillSets[i] as readonly string[];
    let weakest = set.length === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (const skill of set) {
      const held = proficiencyIn(a, skill);
      if (held < 0) {
        weakest = -1;
        break;
      }
      if (held < weakest) weakest = held;
    }
    if (weakest < 0) continue;
    return encodeLevel({
      skillSet: i,
      team: teamIndex(a.teams, c.teams),
      senior: c.seniorFirst && a.senior,
      native: a.languages.includes(c.language),
      proficiency: weakest,
    });
  }
  return -1;
}

/** Index of the first of `wanted` (in order) the agent is in; 0 when any team will do. */
export function teamIndex(teams: readonly string[], wanted: readonly string[] | null): number {
  if (wanted === null) return 0;
  for (let i = 0; i < wanted.length; i++) if (teams.includes(wanted[i] as string)) return i;
  return MAX_RANK;
}

/** What a pick level is made of (`encodeLevel` and `decodeLevel` are inverse). */
export interface Preference {
  /** Index of the skill set held: 0 = the rule's own skills; k = added by a later escalation step. */
  readonly skillSet: number;
  /** Index of the request's team the agent is in: 0 = the rule's team. */
  readonly team: number;
  /** A senior agent where the rule asked for seniors. */
  readonly senior: boolean;
  /** Speaks the conversation's language (not only through machine translation). */
  readonly native: boolean;
  readonly proficiency: number;
}

const MAX_RANK = 63;
const PROFICIENCY_SPAN = 16;

/** One number, higher is better, ordered by skill set, team, seniority, native language, proficiency. */
export function encodeLevel(p: Preference): number {
  const proficiency = Math.max(0, Math.min(PROFICIENCY_SPAN - 1, p.proficiency));
  const ranks = (MAX_RANK - Math.min(p.skillSet, MAX_RANK)) * (MAX_RANK + 1) + (MAX_RANK - Math.min(p.team, MAX_RANK));
  return ((ranks * 2 + (p.senior ? 1 : 0)) * 2 + (p.native ? 1 : 0)) * PROFICIENCY_SPAN + proficiency;
}

export function decodeLevel(level: number): Preference {
  const proficiency = level % PROFICIENCY_SPAN;
  let rest = Math.floor(level / PROFICIENCY_SPAN);
  const native = rest % 2 === 1;
  rest = Math.floor(rest / 2);
  const senior = rest % 2 === 1;
  rest = Math.floor(rest / 2);
  return { skillSet: MAX_RANK - Math.floor(rest / (MAX_RANK + 1)), team: MAX_RANK - (rest % (MAX_RANK + 1)), senior, native, proficiency };
}

/** The agent's proficiency in one skill, or -1 when they do not hold it. */
function proficiencyIn(a: AgentProfile, skill: string): number {
  for (const s of a.skills) if (s.skill === skill) return s.proficiency;
  return -1;
}

export function languageOk(a: AgentProfile, c: Constraints): boolean {
  return a.languages.includes(c.language) || (c.allowTranslation && a.translationEnabled && translates(a, c.language));
}

/** Whether the translator serves this language for the agent now (always, when no translator is wired in). */
export function translates(a: AgentProfile, language: string): boolean {
  return a.viaTranslation === undefined || Object.hasOwn(a.viaTranslation, language);
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
  if (levelFor(a, c) < 0) return "skills";
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
  return teamOk(a, c) && levelFor(a, c) >= 0 && languageOk(a, c) && tierOk(a, c);
}
