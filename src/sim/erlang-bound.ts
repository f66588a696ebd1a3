import { erlangC, erlangMeanWait, erlangServiceLevel, type ErlangC } from "./erlang-c.js";
import type { WaitSummary } from "./policy-report.js";
import type { RosterAgent, ShiftWindow } from "./roster.js";
import type { Traffic } from "./traffic.js";

const HOUR = 3_600_000;

/**
 * The pooled Erlang-C reference for the same load: every chat slot serves every chat (no skills,
 * no languages), arrivals Poisson, service exponential, nobody abandons. Computed per hour of
 * the scenario (λ = that hour's live arrivals, h = their mean handle time, so A = λ·h is the
 * hour's offered load; N = chat slots on shift, time-averaged, rounded down) and weighted by
 * each hour's arrivals: the usual staffing-interval approximation for a load that changes
 * through the day.
 */
export interface ErlangBound {
  readonly meanHandleSeconds: number;
  /** Arrival-weighted mean of the hourly offered load (Erlangs) and staffed slots. */
  readonly offeredLoad: number;
  readonly servers: number;
  readonly pWait: number;
  /** null when an hour with live arrivals is over capacity (the queue grows without bound). */
  readonly meanWaitSeconds: number | null;
  readonly unstableHours: number;
  /** Σ load / Σ slots over hours with live arrivals. */
  readonly occupancy: number | null;
  readonly wait: WaitSummary;
  readonly sla: {
    readonly attainment: number | null;
    readonly perRule: readonly { readonly ruleId: string; readonly slaSeconds: number; readonly attainment: number | null }[];
  };
}

interface Hour {
  readonly weight: number;
  readonly c: ErlangC;
  /** Mean handle time of the hour's arrivals, seconds. */
  readonly h: number;
}

/** Chat slots on shift during each hour of the traffic's window, time-averaged. */
export function slotsPerHour(traffic: Traffic, roster: readonly RosterAgent[], shifts: readonly (readonly ShiftWindow[])[]): number[] {
  const count = Math.ceil((traffic.endMs - traffic.startMs) / HOUR);
  const slots = new Array<number>(count).fill(0);
  roster.forEach((a, i) => {
    for (const [on, off] of shifts[i] ?? []) {
      for (let h = Math.max(0, Math.floor((on - traffic.startMs) / HOUR)); h < count; h++) {
        const from = traffic.startMs + h * HOUR;
        const overlap = Math.min(off, from + HOUR) - Math.max(on, from);
        if (overlap <= 0 && from >= off) break;
        if (overlap > 0) slots[h]! += (a.profile.cap * overlap) / HOUR;
      }
    }
  });
  return slots;
}

/** The Erlang-C reference for the traffic's live chats on the roster's shifts. */
export function erlangBound(traffic: Traffic, roster: readonly RosterAgent[], shifts: readonly (readonly ShiftWindow[])[]): ErlangBound {
  const live = traffic.arrivals.filter((a) => a.async === null);
  const h = live.reduce((s, a) => s + a.handleMs, 0) / Math.max(1, live.length) / 1000;
  const slots = slotsPerHour(traffic, roster, shifts);
  const perHour = new Array<number>(slots.length).fill(0);
  const handleSum = new Array<number>(slots.length).fill(0);
  const rules = new Map<string, { slaSeconds: number; byHour: number[] }>();
  for (const a of live) {
    const hour = Math.floor((a.at - traffic.startMs) / HOUR);
    perHour[hour]!++;
    handleSum[hour]! += a.handleMs / 1000;
    let r = rules.get(a.rule.id);
    if (r === undefined) {
      r = { slaSeconds: a.rule.slaSeconds, byHour: new Array<number>(slots.length).fill(0) };
      rules.set(a.rule.id, r);
    }
    r.byHour[hour]!++;
  }
  const hours: Hour[] = perHour.map((n, i) => {
    const hourMs = Math.min(HOUR, traffic.endMs - (traffic.startMs + i * HOUR));
    const mean = n === 0 ? h : handleSum[i]! / n;
    return { weight: n, h: mean, c: erlangC(Math.floor(slots[i]!), (n / (hourMs / 1000)) * mean) };
  });
  const total = live.length;
  const loaded = hours.filter((x) => x.weight > 0);
  const weighted = (f: (x: Hour) => number) => (total === 0 ? 0 : loaded.reduce((s, x) => s + x.weight * f(x), 0) / total);
  const unstableHours = loaded.filter((x) => !x.c.stable).length;
  const slaOf = (byHour: readonly number[], target: number) => {
    const n = byHour.reduce((s, x) => s + x, 0);
    return n === 0 ? null : hours.reduce((s, x, i) => s + byHour[i]! * erlangServiceLevel(x.c, x.h, target), 0) / n;
  };
  const cdf = (t: number) => weighted((x) => erlangServiceLevel(x.c, x.h, t));
  const quantile = (q: number): number | null => {
    if (total === 0 || cdf(1e9) < q) return null;
    if (cdf(0) >= q) return 0;
    let lo = 0;
    let hi = 1e9;
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) >= q) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const sumLoad = loaded.reduce((s, x) => s + x.c.offeredLoad, 0);
  const sumSlots = loaded.reduce((s, x) => s + x.c.servers, 0);
  const perRule = [...rules].map(([ruleId, r]) => ({ ruleId, slaSeconds: r.slaSeconds, attainment: slaOf(r.byHour, r.slaSeconds) }));
  const met = [...rules.values()].reduce((s, r) => s + (slaOf(r.byHour, r.slaSeconds) ?? 0) * r.byHour.reduce((a, b) => a + b, 0), 0);
  return {
    meanHandleSeconds: h,
    offeredLoad: weighted((x) => x.c.offeredLoad),
    servers: weighted((x) => x.c.servers),
    pWait: weighted((x) => x.c.pWait),
    meanWaitSeconds: unstableHours > 0 ? null : weighted((x) => erlangMeanWait(x.c, x.h)),
    unstableHours,
    occupancy: sumSlots > 0 ? Math.min(1, sumLoad / sumSlots) : null,
    wait: { p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), mean: unstableHours > 0 ? null : weighted((x) => erlangMeanWait(x.c, x.h)) },
    sla: { attainment: total === 0 ? null : met / total, perRule },
  };
}
