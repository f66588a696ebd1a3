import { DateTime } from "luxon";
import type { BatonConfig } from "../core/config/index.js";
import { isOpen } from "../core/hours/index.js";
import type { RoutingRule } from "../core/model.js";
import { matchRule, type RuleFacts } from "../core/rules/index.js";
import { createPrng, exponential, lognormal, type Prng } from "./prng.js";
import type { HandleSpec, PatienceSpec, Scenario } from "./scenario.schema.js";

const HOUR = 3_600_000;

/** One handoff of the generated traffic, with everything sampled up front. */
export interface Arrival {
  /** Position in `Traffic.arrivals`; the conversation id is `c<index>`. */
  readonly index: number;
  readonly at: number;
  readonly segment: number;
  readonly rule: RoutingRule;
  readonly language: string;
  readonly csmAgentId: string | null;
  readonly priorityBoost: number;
  /** Why it goes to the async inbox instead of routing, or null when it is routed live. */
  readonly async: "rule" | "team_closed" | null;
  readonly handleMs: number;
  /** Infinity when the scenario's visitors never leave the queue. */
  readonly patienceMs: number;
}

/** The same traffic is fed to every policy. */
export interface Traffic {
  readonly startMs: number;
  readonly endMs: number;
  readonly arrivals: readonly Arrival[];
}

export const conversationId = (index: number): string => `c${index}`;
export const arrivalIndex = (conversationId: string): number => Number.parseInt(conversationId.slice(1), 10);

/** Which teams are open, cached per minute (calendars have minute resolution). */
function opennessCache(config: BatonConfig): (at: number) => ReadonlyMap<string, boolean> {
  const cache = new Map<number, Map<string, boolean>>();
  return (at) => {
    const minute = Math.floor(at / 60_000);
    let open = cache.get(minute);
    if (open === undefined) {
      open = new Map(config.teams.map((t) => [t.id, isOpen(t.calendar, minute * 60_000)]));
      cache.set(minute, open);
    }
    return open;
  };
}

/** A lognormal handle time is at least 1 s; an exponential one is kept as drawn (at least 1 ms), so M/M/N stays exact. */
function sampleHandleMs(rng: Prng, h: HandleSpec): number {
  return h.kind === "exponential"
    ? Math.max(1, Math.round(exponential(rng, h.meanSeconds) * 1000))
    : Math.max(1000, Math.round(lognormal(rng, h.meanSeconds, h.sdSeconds) * 1000));
}

/** Infinity for a visitor who never leaves. */
function samplePatienceMs(rng: Prng, p: PatienceSpec): number {
  switch (p.kind) {
    case "infinite":
      return Number.POSITIVE_INFINITY;
    case "fixed":
      return Math.round(p.meanSeconds * 1000);
    case "exponential":
      return Math.round(exponential(rng, p.meanSeconds) * 1000);
  }
}

/** Epoch ms of the scenario's local start. */
export function scenarioStart(s: Scenario): number {
  return DateTime.fromISO(s.start, { zone: s.timeZone }).toMillis();
}

/** A segment's arrival rate (chats per hour) in the hour slice starting at `sliceStart`. */
export function segmentRate(scenario: Scenario, segment: number, sliceStart: number): number {
  const seg = scenario.segments[segment]!;
  const profile = seg.profile ?? scenario.profile;
  return seg.perHour * (profile[DateTime.fromMillis(sliceStart, { zone: scenario.timeZone }).hour] ?? 0);
}

/**
 * How a segment's handoff at `at` is routed: the config's first matching rule (after hours = no
 * team open), and whether it goes to the async inbox (an async rule, or the rule's team closed).
 */
export function arrivalRouting(scenario: Scenario, config: BatonConfig): (segment: number, at: number) => { rule: RoutingRule; async: Arrival["async"] } {
  const openAt = opennessCache(config);
  const ruleCache = new Map<string, RoutingRule>();
  const ruleFor = (facts: RuleFacts): RoutingRule => {
    const key = `${facts.topic}|${facts.trigger}|${facts.tier}|${facts.language}|${facts.afterHours}`;
    let rule = ruleCache.get(key);
    if (rule === undefined) {
      rule = matchRule(config.rules, facts)?.rule ?? (config.rules[config.rules.length - 1] as RoutingRule);
      ruleCache.set(key, rule);
    }
    return rule;
  };
  return (segment, at) => {
    const seg = scenario.segments[segment]!;
    const open = openAt(at);
    const afterHours = ![...open.values()].some(Boolean);
    const rule = ruleFor({ topic: seg.topic, trigger: seg.trigger, tier: seg.tier, language: seg.language, afterHours });
    const closed = rule.target.team !== null && open.get(rule.target.team) === false;
    return { rule, async: rule.async ? "rule" : closed ? "team_closed" : null };
  };
}

/**
 * Generates the scenario's handoffs: per segment, a Poisson process whose rate is `perHour`
 * times the daily profile's multiplier for the local hour (piecewise constant, exact by
 * memorylessness); then the config's first matching rule (after hours = no team open), the
 * async decision (an async rule, or the rule's team closed), a lognormal handle time and a
 * patience. Same scenario and seed → the same traffic.
 */
export function generateTraffic(scenario: Scenario, config: BatonConfig, seed = scenario.seed): Traffic {
  const startMs = scenarioStart(scenario);
  const endMs = startMs + scenario.durationHours * HOUR;
  const routeOf = arrivalRouting(scenario, config);
  const root = createPrng(seed);
  const raw: { at: number; segment: number; seq: number }[] = [];
  scenario.segments.forEach((_seg, segment) => {
    const rng = root.fork();
    let seq = 0;
    for (let slice = startMs; slice < endMs; slice += HOUR) {
      const sliceEnd = Math.min(slice + HOUR, endMs);
      const rate = segmentRate(scenario, segment, slice);
      if (rate <= 0) continue;
      for (let t = slice + exponential(rng, HOUR / rate); t < sliceEnd; t += exponential(rng, HOUR / rate)) {
        raw.push({ at: Math.round(t), segment, seq: seq++ });
      }
    }
  });
  raw.sort((a, b) => a.at - b.at || a.segment - b.segment || a.seq - b.seq);
  const arrivals: Arrival[] = [];
  const sampler = createPrng(seed ^ 0x5eed);
  for (const r of raw) {
    const seg = scenario.segments[r.segment]!;
    const { rule, async } = routeOf(r.segment, r.at);
    const handle = seg.handle ?? scenario.handle[rule.id] ?? scenario.handle.default!;
    const patience = seg.patience ?? scenario.patience;
    arrivals.push({
      index: arrivals.length,
      at: r.at,
      segment: r.segment,
      rule,
      language: seg.language,
      csmAgentId: seg.csm,
      priorityBoost:
        (seg.trigger === "negative_sentiment" ? config.priority.negativeSentimentBoost : 0) + (seg.tier === "standard" ? 0 : config.priority.vipBoost),
      async,
      handleMs: sampleHandleMs(sampler, handle),
      patienceMs: samplePatienceMs(sampler, patience),
    });
  }
  return { startMs, endMs, arrivals };
}
