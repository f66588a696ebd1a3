import type { Lang } from "../model.js";
import { toAlpha3 } from "./iso639.js";

/** One direction a translator can translate, directly or through a third language (`via`). */
export interface TranslationPair {
  readonly from: Lang;
  readonly to: Lang;
  /** null: a direct pair; else the pivot language (from → via → to, two translations). */
  readonly via: Lang | null;
}

/**
 * The direct pairs plus, for each direction without one, a pivot through a third language
 * (from → via and via → to both direct). Deterministic: the pivot is the first such language
 * in alphabetical order, so the same pairs always give the same route.
 */
export function withPivots(direct: readonly { readonly from: Lang; readonly to: Lang }[]): TranslationPair[] {
  const out = new Map<string, TranslationPair>();
  const targets = new Map<Lang, Set<Lang>>();
  for (const p of direct) {
    if (p.from === p.to) continue;
    let set = targets.get(p.from);
    if (set === undefined) {
      set = new Set();
      targets.set(p.from, set);
    }
    set.add(p.to);
    out.set(`${p.from}>${p.to}`, { from: p.from, to: p.to, via: null });
  }
  const langs = [...new Set(direct.flatMap((p) => [p.from, p.to]))].sort();
  for (const from of langs) {
    for (const to of langs) {
      if (from === to || out.has(`${from}>${to}`)) continue;
      const via = [...(targets.get(from) ?? [])].sort().find((v) => v !== to && targets.get(v)?.has(to) === true);
      if (via !== undefined) out.set(`${from}>${to}`, { from, to, via });
    }
  }
  return [...out.values()].sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
}

/**
 * What routing knows of the translator: whether it is healthy, and the directions it supports
 * (pivots included). `null` where it is used means no translator is wired in (the simulator,
 * the router's own tests): the agent's translation flag alone decides.
 */
export interface TranslationSupport {
  readonly healthy: boolean;
  readonly pairs: readonly TranslationPair[];
}

/** How an agent serves a visitor language through translation: the agent's side and the two directions. */
export interface TranslationRoute {
  readonly visitor: Lang;
  readonly agent: Lang;
  /** Visitor → agent and agent → visitor (each may pivot). */
  readonly inbound: TranslationPair;
  readonly outbound: TranslationPair;
}

/**
 * How an agent speaking `agentLanguages` (in their order of preference) can serve a visitor
 * writing `visitor` through the translator: the first of their languages the translator
 * supports both ways (a direct pair in both directions before a pivot), or null. Never when
 * the translator is unhealthy.
 */
export function translationRoute(support: TranslationSupport, agentLanguages: readonly Lang[], visitor: Lang): TranslationRoute | null {
  if (!support.healthy) return null;
  let best: TranslationRoute | null = null;
  for (const agent of agentLanguages) {
    if (agent === visitor) continue;
    const inbound = support.pairs.find((p) => p.from === visitor && p.to === agent);
    const outbound = support.pairs.find((p) => p.from === agent && p.to === visitor);
    if (inbound === undefined || outbound === undefined) continue;
    const route = { visitor, agent, inbound, outbound };
    if (inbound.via === null && outbound.via === null) return route;
    best ??= route;
  }
  return best;
}

/**
 * Every visitor language an agent serves through translation now, with the agent's language
 * for each (see `translationRoute`): what the router folds into the agent's profile.
 */
export function translatableLanguages(support: TranslationSupport, agentLanguages: readonly Lang[]): Readonly<Record<Lang, Lang>> {
  const out: Record<Lang, Lang> = {};
  if (!support.healthy) return out;
  const visitors = [...new Set(support.pairs.map((p) => p.from))].sort();
  for (const v of visitors) {
    if (agentLanguages.includes(v)) continue;
    const route = translationRoute(support, agentLanguages, v);
    if (route !== null) out[v] = route.agent;
  }
  return out;
}

/** "spa→eng" (Apertium's three-letter codes), with the pivot: "fra→spa→eng". */
export function pairWords(p: TranslationPair): string {
  return p.via === null ? `${toAlpha3(p.from)}→${toAlpha3(p.to)}` : `${toAlpha3(p.from)}→${toAlpha3(p.via)}→${toAlpha3(p.to)}`;
}
