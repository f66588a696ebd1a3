import { erlangC, erlangMeanWait, erlangServiceLevel, type ErlangC } from "./erlang-c.js";
import type { ExpectedLoad } from "./expected-load.js";
import type { WaitSummary } from "./policy-report.js";
import type { RosterAgent, ShiftWindow } from "./roster.js";
import type { Traffic } from "./traffic.js";

const HOUR = 3_600_000;

/**
 * The pooled Erlang-C reference for the same load: every chat slot serves every chat (no skills,
 * no languages), arrivals Poisson, service exponential, nobody abandons. Computed per hour of
 * the scenario from the expected load, not from one draw: λ = the hour's expected live arrivals
 * (the scenario's rates and profile, see `expectedLoad`), h = the run's mean handle time of live
 * chats, A = λ·h; N = chat slots on shift, time-averaged, rounded down. Hours are weighted by
 * their expected arrivals: the usual staffing-interval approximation for a load that changes
 * through the day. (Feeding each hour's drawn count into Erlang C, which is convex in the load,
 * overstated waits and made a lucky hour "over capacity".)
 */
export interface ErlangBound {
  readonly meanHandleSeconds: number;
  /** Arrival-weighted mean of the hourly offered load (Erlangs) and staffed slots. */
  readonly offeredLoad: number;
  readonly servers: number;
  readonly pWait: number;
  /** null when an hour with live arrivals is over capacity (A ≥ N: the queue grows without bound). */
  readonly meanWaitSeconds: number | null;
  /** Hours with live arrivals whose expected load is at or over their slots; their chats count as waiting forever. */
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
  readonly byRule: ReadonlyMap<string, number>;
  readonly c: ErlangC;
}

/** Chat slots on shift during each hour of the traffic's window, time-averaged. */
export function slotsPerHour(traffic: Pick<Traffic, "startMs" | "endMs">, roster: readonly RosterAgent[], shifts: readonly (readonly ShiftWindow[])[]): number[] {
  const count = Math.ceil((traffic.endMs - traffic.startMs) / HOUR);
  const slots = new Array<number>(count).fill(0);
  roster.forEach((a, i) => {
    for (const [on, off] of shifts[i] ?? []) {
      for (let h = Math.max(0, Math.floor((on - traffic.startMs) / HOUR)); h < count; h++) {
        const from = traffic.startMs + h * HOUR;
        const to = Math.min(from + HOUR, traffic.endMs);
        const overlap = Math.min(off, to) - Math.max(on, from);
        if (overlap <= 0 && from >= off) break;
        if (overlap > 0) slots[h]! += (a.profile.cap * overlap) / (to - from);
      }
    }
  });
  return slots;
}

/** Mean handle time of the traffic's live chats, seconds (the run-wide h of the reference). */
export function liveHandleMeanSeconds(traffic: Traffic): number {
  let n = 0;
  let sum = 0;
  for (const a of traffic.arrivals) {
    if (a.async !== null) continue;
    n++;
    sum += a.handleMs;
  }
  return n === 0 ? 0 : sum / n / 1000;
}

/**
 * The Erlang-C reference for an expected load on the slots staffed each hour.
 *
 * @example
 * erlangBound(expectedLoad(scenario, config), liveHandleMeanSeconds(traffic), slotsPerHour(traffic, roster, shifts));
 */
export function erlangBound(load: ExpectedLoad, meanHandleSeconds: number, slots: readonly number[]): ErlangBound {
  const h = meanHandleSeconds;
  const hours: Hour[] = load.hours.map((x, i) => ({
    weight: x.live,
    byRule: x.byRule,
    c: erlangC(Math.floor((slots[i] ?? 0) + 1e-9), x.seconds > 0 ? (x.live / x.seconds) * h : 0),
  }));
  const loaded = hours.filter((x) => x.weight > 0);
  const total = loaded.reduce((s, x) => s + x.weight, 0);
  const weighted = (f: (x: Hour) => number) => (total === 0 ? 0 : loaded.reduce((s, x) => s + x.weight * f(x), 0) / total);
  const unstableHours = loaded.filter((x) => !x.c.stable).length;
  const level = (x: Hour, t: number) => erlangServiceLevel(x.c, h, t);
  const perRule = [...load.slaSeconds].map(([ruleId, slaSeconds]) => {
    const n = loaded.reduce((s, x) => s + (x.byRule.get(ruleId) ?? 0), 0);
    const met = loaded.reduce((s, x) => s + (x.byRule.get(ruleId) ?? 0) * level(x, slaSeconds), 0);
    return { ruleId, slaSeconds, n, met };
  });
  const cdf = (t: number) => weighted((x) => level(x, t));
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
  const meanWait = unstableHours > 0 || total === 0 ? null : weighted((x) => erlangMeanWait(x.c, h));
  const sumLoad = loaded.reduce((s, x) => s + x.c.offeredLoad, 0);
  const sumSlots = loaded.reduce((s, x) => s + x.c.servers, 0);
  return {
    meanHandleSeconds: h,
    offeredLoad: weighted((x) => x.c.offeredLoad),
    servers: weighted((x) => x.c.servers),
    pWait: weighted((x) => x.c.pWait),
    meanWaitSeconds: meanWait,
    unstableHours,
    occupancy: sumSlots > 0 ? Math.min(1, sumLoad / sumSlots) : null,
    wait: { p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), mean: meanWait },
    sla: {
      attainment: total === 0 ? null : perRule.reduce((s, r) => s + r.met, 0) / total,
      perRule: perRule.map((r) => ({ ruleId: r.ruleId, slaSeconds: r.slaSeconds, attainment: r.n > 0 ? r.met / r.n : null })),
    },
  };
}
