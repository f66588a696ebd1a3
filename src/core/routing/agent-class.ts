import type { AgentProfile } from "../model.js";
import type { Constraints } from "./constraints.js";
import { type Layer, languageOk, levelFor, teamOk } from "./eligibility.js";
import { IndexedHeap } from "./indexed-heap.js";
import { compareLoad } from "./order.js";
import type { AgentState } from "./router-index.js";

/**
 * Agents whose profiles route alike (same skills and proficiencies, languages, translation,
 * seniority and teams) share a class: eligibility is decided once per class, and each class
 * keeps its free agents in pick order (lowest load ratio, longest idle, id).
 */
export class AgentClass {
  readonly free = new IndexedHeap<AgentState>(lessLoaded);
  online = 0;
  onlineCap = 0;
  onlineFreeSlots = 0;
  /** Free agents as the index last counted them into the class shapes (see `FastIndex.syncFree`). */
  syncedFree = 0;
  /** Whether the class's free list changed since the index last brought `inFree` up to date. */
  pending = false;

  constructor(
    readonly id: number,
    readonly profile: AgentProfile,
  ) {}
}

/** Pick order within a class: lower load ratio, longest idle, then id. */
export function lessLoaded(a: AgentState, b: AgentState): boolean {
  const load = compareLoad({ active: a.active.length, cap: a.profile.cap }, { active: b.active.length, cap: b.profile.cap });
  if (load !== 0) return load < 0;
  if (a.idleSince !== b.idleSince) return a.idleSince < b.idleSince;
  return a.profile.id < b.profile.id;
}

/** Two profiles with the same key are interchangeable for eligibility and proficiency. */
export function classKey(p: AgentProfile): string {
  const skills = p.skills.map((s) => `${s.skill}:${s.proficiency}`).sort();
  const via = p.viaTranslation === undefined ? null : Object.keys(p.viaTranslation).sort();
  return JSON.stringify([skills, [...p.languages].sort(), p.translationEnabled, via, p.senior, [...p.teams].sort()]);
}

/** The class-level part of constraints: everything but the named CSM, exclusions and target. */
export function classSignature(c: Constraints): string {
  const tier = c.tier === "any" ? "any" : c.tier === "senior" || c.csmAgentId === null ? "senior" : "none";
  return [
    c.skillSets.map((set) => set.join("\u0002")).join("\u0003"),
    c.teams === null ? "*" : c.teams.join("\u0002"),
    c.language,
    c.allowTranslation ? "t" : "f",
    tier,
    c.seniorFirst ? "s" : "",
  ].join("\u0001");
}

export interface ClassVerdict {
  /** First class-level layer that filters the class out, or null. */
  readonly fail: Layer | null;
  /** The pick level (`levelFor`), -1 when the class holds none of the skill sets. */
  readonly level: number;
}

/** Team, skills, language and tier (seniority only; the named CSM is judged per agent). */
export function judgeClass(p: AgentProfile, c: Constraints): ClassVerdict {
  const level = levelFor(p, c);
  if (!teamOk(p, c)) return { fail: "team", level };
  if (level < 0) return { fail: "skills", level };
  if (!languageOk(p, c)) return { fail: "language", level };
  const tierPass = c.tier === "any" || ((c.tier === "senior" || c.csmAgentId === null) && p.senior);
  return { fail: tierPass ? null : "tier", level };
}
