import type { EscalationStep, Lang, RoutingRequest, TierRequirement } from "../model.js";

/**
 * What a queued request demands of an agent once its escalation steps are applied.
 * Escalation only ever widens: more skill sets, more teams, translation allowed, tier relaxed.
 */
export interface Constraints {
  /** The agent must hold every skill of at least one set. `[[]]` accepts any agent. */
  readonly skillSets: readonly (readonly string[])[];
  /** Any of these teams; `null` means any team. */
  readonly teams: readonly string[] | null;
  readonly language: Lang;
  readonly allowTranslation: boolean;
  readonly tier: TierRequirement;
  /** The rule asked for seniors (or the named CSM): once the tier is relaxed, seniors are still picked first. */
  readonly seniorFirst: boolean;
  readonly csmAgentId: string | null;
  readonly excludeAgentIds: readonly string[];
  readonly targetAgentId: string | null;
}

const NONE: readonly string[] = Object.freeze([]);

/** `xs` sorted, reusing it when it already is (the common case: one skill, no exclusions). */
function sorted(xs: readonly string[]): readonly string[] {
  for (let i = 1; i < xs.length; i++) if ((xs[i - 1] as string) > (xs[i] as string)) return [...xs].sort();
  return xs.length === 0 ? NONE : xs;
}

/** The request's constraints after its first `appliedSteps` escalation steps. */
export function constraintsFor(request: RoutingRequest, appliedSteps: number): Constraints {
  let skillSets: (readonly string[])[] = [sorted(request.skills)];
  let teams: readonly string[] | null = request.team === null ? null : [request.team];
  let allowTranslation = request.allowTranslation;
  let tier = request.tier;
  let targetAgentId = request.targetAgentId;
  const steps = Math.min(appliedSteps, request.escalation.length);
  for (let i = 0; i < steps; i++) {
    const a = (request.escalation[i] as EscalationStep).action;
    switch (a.kind) {
      case "relax_language":
        allowTranslation = true;
        break;
      case "relax_tier":
        tier = "any";
        break;
      case "widen_skill":
        if (!skillSets.some((s) => s.length === 1 && s[0] === a.skill)) skillSets = [...skillSets, [a.skill]];
        break;
      case "widen_team":
        if (teams !== null && !teams.includes(a.team)) teams = [...teams, a.team];
        break;
      case "release_target":
        targetAgentId = null;
        if (a.team !== null) teams = teams === null ? [a.team] : teams.includes(a.team) ? teams : [...teams, a.team];
        break;
    }
  }
  return {
    skillSets,
    teams,
    language: request.language,
    allowTranslation,
    tier,
    seniorFirst: request.tier !== "any",
    csmAgentId: request.csmAgentId,
    excludeAgentIds: sorted(request.excludeAgentIds),
    targetAgentId,
  };
}

/** A tier's part of the signature when the rule asked for seniors (they stay first after relax_tier). */
const SENIOR_FIRST: Readonly<Record<TierRequirement, string>> = { any: "any+", senior: "senior+", named_csm: "named_csm+" };

/** Separators no skill, team, language or id contains. */
const FIELD = "\u0001";
const ITEM = "\u0002";
const SET = "\u0003";

/**
 * A key equal for two requests exactly when every agent is eligible for both or neither.
 * Queued requests with the same key share one priority heap.
 */
export function signatureOf(c: Constraints): string {
  // Joined from an array: a flat string hashes at once (concatenation builds a rope to flatten).
  return [
    c.skillSets.length === 1 ? (c.skillSets[0] as readonly string[]).join(ITEM) : c.skillSets.map((s) => s.join(ITEM)).join(SET),
    c.teams === null ? "*" : c.teams.join(ITEM),
    c.language,
    c.allowTranslation ? "t" : "f",
    c.seniorFirst ? SENIOR_FIRST[c.tier] : c.tier,
    c.tier === "any" ? "" : (c.csmAgentId ?? ""),
    c.excludeAgentIds.length === 0 ? "" : c.excludeAgentIds.join(ITEM),
    c.targetAgentId ?? "",
  ].join(FIELD);
}

/** Epoch ms at which escalation step `index` of a request becomes due. */
export function stepDueAt(request: RoutingRequest, index: number): number | null {
  const step: EscalationStep | undefined = request.escalation[index];
  return step === undefined ? null : request.arrivedAt + step.afterSeconds * 1000;
}

/** How many steps are due at `now` (steps are applied in order; a later step never comes first). */
export function stepsDueBy(request: RoutingRequest, now: number): number {
  let n = 0;
  for (let i = 0; i < request.escalation.length; i++) {
    const at = stepDueAt(request, i);
    if (at === null || at > now) break;
    n = i + 1;
  }
  return n;
}
