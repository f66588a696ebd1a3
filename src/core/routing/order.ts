import type { RoutingRequest } from "../model.js";

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
  readonly proficiency: number;
  readonly active: number;
  readonly cap: number;
  readonly idleSince: number;
}

/** Lower load ratio first, compared exactly (a1/c1 < a2/c2 without floating point). */
export function compareLoad(a: { active: number; cap: number }, b: { active: number; cap: number }): number {
  return a.active * b.cap - b.active * a.cap;
}

/** Pick order: named CSM, higher proficiency, lower load ratio, longest idle, then id. */
export function compareCandidates(a: CandidateKey, b: CandidateKey): number {
  if (a.isCsm !== b.isCsm) return a.isCsm ? -1 : 1;
  if (a.proficiency !== b.proficiency) return b.proficiency - a.proficiency;
  const load = compareLoad(a, b);
  if (load !== 0) return load;
  if (a.idleSince !== b.idleSince) return a.idleSince - b.idleSince;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Why `winner` beat `runnerUp`, in words, for the explanation. */
export function pickReasons(winner: CandidateKey, runnerUp: CandidateKey | null, winnerName: string): string[] {
  const reasons: string[] = [];
  if (winner.isCsm) reasons.push(`${winnerName} is the customer's named CSM`);
  if (runnerUp === null) {
    reasons.push(`${winnerName} is the only eligible agent with free capacity`);
    return reasons;
  }
  if (winner.isCsm !== runnerUp.isCsm) return reasons;
  if (winner.proficiency !== runnerUp.proficiency) {
    reasons.push(`higher proficiency (${winner.proficiency} vs ${runnerUp.proficiency})`);
  } else if (compareLoad(winner, runnerUp) !== 0) {
    reasons.push(`lower load (${winner.active}/${winner.cap} vs ${runnerUp.active}/${runnerUp.cap})`);
  } else if (winner.idleSince !== runnerUp.idleSince) {
    reasons.push("idle longest among equally loaded agents");
  } else {
    reasons.push("tie broken by agent id");
  }
  return reasons;
}
