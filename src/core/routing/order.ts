import type { RoutingRequest } from "../model.js";
import { decodeLevel, type Preference } from "./eligibility.js";

/** Queue order: higher priority, then earlier SLA deadline, then earlier arrival, then id. */
export function compareRequests(a: RoutingRequest, b: RoutingRequest): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.slaDeadline !== b.slaDeadline) return a.slaDeadline - b.slaDeadline;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt - b.arrivedAt;
  return a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0;
}

/** An eligible agent as the pick compares them. */
export interface CandidateKey {
  readonly id: string;
  readonly isCsm: boolean;
  /** The pick level (`levelFor`): skill set, team, seniority, native language, proficiency. */
  readonly level: number;
  readonly active: number;
  readonly cap: number;
  readonly idleSince: number;
}

/** Lower load ratio first, compared exactly (a1/c1 < a2/c2 without floating point). */
export function compareLoad(a: { active: number; cap: number }, b: { active: number; cap: number }): number {
  return a.active * b.cap - b.active * a.cap;
}

/**
 * Pick order: named CSM; then the pick level (the rule's own skills and team before pools an
 * escalation step widened to, seniors first where the rule asked for them, native speakers
 * before machine translation, higher proficiency); then lower load ratio, longest idle, id.
 */
export function compareCandidates(a: CandidateKey, b: CandidateKey): number {
  if (a.isCsm !== b.isCsm) return a.isCsm ? -1 : 1;
  if (a.level !== b.level) return b.level - a.level;
  const load = compareLoad(a, b);
  if (load !== 0) return load;
  if (a.idleSince !== b.idleSince) return a.idleSince - b.idleSince;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the explanation may name: the request's skill sets, teams and language. */
export interface PickTerms {
  readonly skillSets: readonly (readonly string[])[];
  readonly teams: readonly string[] | null;
  readonly language: string;
}

const setWords = (set: readonly string[] | undefined) => (set === undefined || set.length === 0 ? "any skill" : `the ${set.join(" + ")} skill`);

const poolCache = new WeakMap<PickTerms, Map<number, string>>();

/** `poolWords` of a level, remembered per terms object (constraints are shared by the chats of a shape). */
function cachedPoolWords(level: number, terms: PickTerms): string {
  let byLevel = poolCache.get(terms);
  if (byLevel === undefined) {
    byLevel = new Map();
    poolCache.set(terms, byLevel);
  }
  let words = byLevel.get(level);
  if (words === undefined) {
    words = `pool: ${poolWords(decodeLevel(level), terms)}`;
    if (byLevel.size < 256) byLevel.set(level, words);
  }
  return words;
}

/** The pool an agent was picked from, in words: "the billing skill, team billing, speaks es natively". */
export function poolWords(p: Preference, terms: PickTerms): string {
  const parts = [setWords(terms.skillSets[p.skillSet])];
  if (p.skillSet > 0) parts[0] = `${parts[0]} (widened by escalation)`;
  if (terms.teams !== null) parts.push(`team ${terms.teams[p.team] ?? "?"}${p.team > 0 ? " (widened by escalation)" : ""}`);
  if (p.senior) parts.push("senior");
  parts.push(p.native ? `speaks ${terms.language} natively` : `serves ${terms.language} through machine translation`);
  return parts.join(", ");
}

/** Why `winner` beat `runnerUp`, in words, for the explanation. */
export function pickReasons(winner: CandidateKey, runnerUp: CandidateKey | null, winnerName: string, terms?: PickTerms): string[] {
  const reasons: string[] = [];
  if (winner.isCsm) reasons.push(`${winnerName} is the customer's named CSM`);
  if (terms !== undefined) reasons.push(cachedPoolWords(winner.level, terms));
  if (runnerUp === null) {
    reasons.push(`${winnerName} is the only eligible agent with free capacity`);
    return reasons;
  }
  if (winner.isCsm !== runnerUp.isCsm) return reasons;
  if (winner.level !== runnerUp.level) {
    const w = decodeLevel(winner.level);
    const r = decodeLevel(runnerUp.level);
    if (w.skillSet !== r.skillSet) {
      reasons.push(`holds the rule's ${setWords(terms?.skillSets[w.skillSet])}, before the wider pool (${setWords(terms?.skillSets[r.skillSet])})`);
    } else if (w.team !== r.team) {
      reasons.push(`in the rule's team ${terms?.teams?.[w.team] ?? ""} before the widened team ${terms?.teams?.[r.team] ?? ""}`.replace(/ {2,}/g, " "));
    } else if (w.senior !== r.senior) {
      reasons.push("senior agent, preferred by the rule before wider pools");
    } else if (w.native !== r.native) {
      reasons.push(`native speaker${terms === undefined ? "" : ` of ${terms.language}`}, before agents who need machine translation`);
    } else {
      reasons.push(`higher proficiency (${w.proficiency} vs ${r.proficiency})`);
    }
  } else if (compareLoad(winner, runnerUp) !== 0) {
    reasons.push(`lower load (${winner.active}/${winner.cap} vs ${runnerUp.active}/${runnerUp.cap})`);
  } else if (winner.idleSince !== runnerUp.idleSince) {
    reasons.push("idle longest among equally loaded agents");
  } else {
    reasons.push("tie broken by agent id");
  }
  return reasons;
}
