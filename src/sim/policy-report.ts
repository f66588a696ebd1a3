import { summarizeDurations } from "../core/metrics/index.js";
import type { PolicyName } from "./policy.js";
import type { SimOutcome } from "./run-simulation.js";
import type { Traffic } from "./traffic.js";

/** SLA attainment of one rule: chats answered within the rule's SLA over chats routed live. */
export interface RuleSla {
  readonly ruleId: string;
  readonly slaSeconds: number;
  readonly live: number;
  readonly met: number;
  /** Of `met`, first answered by a qualified agent (skill and language, see `isQualified`). */
  readonly qualifiedMet: number;
  readonly abandoned: number;
  /** met / live (abandoned and late both miss); null without live chats. */
  readonly attainment: number | null;
  /** qualifiedMet / live. */
  readonly qualifiedAttainment: number | null;
}

/**
 * The waiting guarantee as the simulator sees it: visitors sent to the async inbox at the
 * handoff, and queued visitors left with no live option (no agent on shift who could take the
 * chat, now or after its escalation steps) — were they offered the async path, and how soon?
 */
export interface AsyncPathReport {
  /** Sent to the inbox at the handoff (async rule, or the rule's team closed). */
  readonly atHandoff: number;
  /** Queued chats that were at some moment left with no live option. */
  readonly stranded: number;
  /** Visitors the router offered the async path while queued (stranded or not). */
  readonly offered: number;
  /** Of the stranded, offered the async path while stranded. */
  readonly strandedOffered: number;
  /** Seconds from losing the last live option to the offer (stranded and offered). */
  readonly offerDelay: { readonly p50: number | null; readonly p99: number | null };
  /** Stranded and never offered: answered once someone came, left the queue, still waiting at the end. */
  readonly unoffered: { readonly answered: number; readonly left: number; readonly waiting: number };
  /** Seconds each stranded visitor spent with no live option and no offer. */
  readonly onNobody: { readonly p50: number | null; readonly p99: number | null };
}

/** Seconds, over answered chats. */
export interface WaitSummary {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly mean: number | null;
}

/** Per hour of the scenario: arrivals routed live, answered within SLA, abandoned. */
export interface HourStats {
  readonly hour: number;
  readonly live: number;
  readonly met: number;
  readonly abandoned: number;
}

/** One policy's routing quality on the scenario's traffic. */
export interface PolicyReport {
  readonly policy: PolicyName;
  /** Every handoff generated. */
  readonly offered: number;
  /** Sent to the async inbox (async rule or the rule's team out of hours): not routed. */
  readonly async: number;
  readonly live: number;
  readonly answered: number;
  readonly abandoned: number;
  /** abandoned / live */
  readonly abandonmentRate: number | null;
  readonly sla: { readonly met: number; readonly attainment: number | null; readonly perRule: readonly RuleSla[] };
  /**
   * Answered within the rule's SLA by a qualified first agent, over chats routed live: the
   * figure a support lead signs (raw SLA flatters a policy that answers fast with the wrong person).
   */
  readonly qualified: { readonly met: number; readonly attainment: number | null };
  readonly wait: WaitSummary;
  /** Chat-slot time in use over chat-slot time staffed. */
  readonly occupancy: number | null;
  /** First assignments to an agent without the rule's skills or the language. */
  readonly misroutes: number;
  readonly misrouteRate: number | null;
  readonly escalations: number;
  readonly requeues: number;
  readonly asyncPath: AsyncPathReport;
  readonly hourly: readonly HourStats[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Turns a run's outcome into the report; rule order follows first appearance in the traffic. */
export function policyReport(traffic: Traffic, out: SimOutcome): PolicyReport {
  const rules = new Map<string, { slaSeconds: number; live: number; met: number; qualifiedMet: number; abandoned: number }>();
  const hours: { live: number; met: number; abandoned: number }[] = [];
  const waits: number[] = [];
  let asyncCount = 0;
  let met = 0;
  let qualifiedMet = 0;
  let abandoned = 0;
  for (const a of traffic.arrivals) {
    if (a.async !== null) {
      asyncCount++;
      continue;
    }
    let r = rules.get(a.rule.id);
    if (r === undefined) {
      r = { slaSeconds: a.rule.slaSeconds, live: 0, met: 0, qualifiedMet: 0, abandoned: 0 };
      rules.set(a.rule.id, r);
    }
    const hour = Math.floor((a.at - traffic.startMs) / 3_600_000);
    while (hours.length <= hour) hours.push({ live: 0, met: 0, abandoned: 0 });
    const h = hours[hour]!;
    r.live++;
    h.live++;
    const at = out.firstAssignAt[a.index]!;
    if (!Number.isNaN(at)) {
      const wait = at - a.at;
      waits.push(wait / 1000);
      if (wait <= a.rule.slaSeconds * 1000) {
        r.met++;
        h.met++;
        met++;
        if (out.misrouted[a.index] === 0) {
          r.qualifiedMet++;
          qualifiedMet++;
        }
      }
    } else if (out.abandoned[a.index] === 1) {
      r.abandoned++;
      h.abandoned++;
      abandoned++;
    }
  }
  const live = traffic.arrivals.length - asyncCount;
  const w = summarizeDurations(waits);
  return {
    policy: out.policy,
    offered: traffic.arrivals.length,
    async: asyncCount,
    live,
    answered: waits.length,
    abandoned,
    abandonmentRate: ratio(abandoned, live),
    sla: {
      met,
      attainment: ratio(met, live),
      perRule: [...rules].map(([ruleId, r]) => ({ ruleId, ...r, attainment: ratio(r.met, r.live), qualifiedAttainment: ratio(r.qualifiedMet, r.live) })),
    },
    qualified: { met: qualifiedMet, attainment: ratio(qualifiedMet, live) },
    wait: { p50: w.p50, p90: w.p90, p99: w.p99, mean: w.mean },
    occupancy: ratio(out.busySlotMs, out.staffedSlotMs),
    misroutes: out.misroutes,
    misrouteRate: ratio(out.misroutes, waits.length),
    escalations: out.escalations,
    requeues: out.requeues,
    asyncPath: asyncPathReport(traffic, out, asyncCount),
    hourly: hours.map((h, hour) => ({ hour, ...h })),
  };
}

/** The async-path figures of one run (see `AsyncPathReport`). */
function asyncPathReport(traffic: Traffic, out: SimOutcome, atHandoff: number): AsyncPathReport {
  const s = out.strands;
  const delays: number[] = [];
  const onNobody: number[] = [];
  const unoffered = { answered: 0, left: 0, waiting: 0 };
  let stranded = 0;
  let offered = 0;
  for (const a of traffic.arrivals) {
    const i = a.index;
    if (!Number.isNaN(s.asyncOfferedAt[i]!)) offered++;
    if (s.everStranded[i] === 0) continue;
    stranded++;
    onNobody.push(s.strandedMs[i]! / 1000);
    if (!Number.isNaN(s.offerDelayMs[i]!)) delays.push(s.offerDelayMs[i]! / 1000);
    else if (!Number.isNaN(s.asyncOfferedAt[i]!)) continue;
    else if (!Number.isNaN(out.firstAssignAt[i]!)) unoffered.answered++;
    else if (out.abandoned[i] === 1) unoffered.left++;
    else unoffered.waiting++;
  }
  const d = summarizeDurations(delays);
  const w = summarizeDurations(onNobody);
  return {
    atHandoff,
    stranded,
    offered,
    strandedOffered: delays.length,
    offerDelay: { p50: d.p50, p99: d.p99 },
    unoffered,
    onNobody: { p50: w.p50, p99: w.p99 },
  };
}
