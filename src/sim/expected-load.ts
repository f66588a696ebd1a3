import type { BatonConfig } from "../core/config/index.js";
import type { Scenario } from "./scenario.schema.js";
import { arrivalRouting, scenarioStart, segmentRate } from "./traffic.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** One hour slice of the scenario (the last may be shorter): the live handoffs expected in it. */
export interface ExpectedHour {
  /** Length of the slice, seconds. */
  readonly seconds: number;
  /** Expected handoffs routed live (not sent to the async inbox). */
  readonly live: number;
  /** The same, per matched rule id. */
  readonly byRule: ReadonlyMap<string, number>;
}

/** The scenario's expected live traffic, hour by hour, and the SLA of each rule it reaches. */
export interface ExpectedLoad {
  readonly hours: readonly ExpectedHour[];
  readonly slaSeconds: ReadonlyMap<string, number>;
}

/**
 * The arrivals a scenario's rates and profiles promise, not those one seed happened to draw:
 * per hour slice and segment, the rate times the slice's length, split minute by minute into
 * live and async the way `generateTraffic` decides each arrival (the rule, the team's hours).
 * The Erlang-C reference is computed from this, so it does not inherit the draw's noise.
 */
export function expectedLoad(scenario: Scenario, config: BatonConfig): ExpectedLoad {
  const startMs = scenarioStart(scenario);
  const endMs = startMs + scenario.durationHours * HOUR;
  const routeOf = arrivalRouting(scenario, config);
  const slaSeconds = new Map<string, number>();
  const hours: ExpectedHour[] = [];
  for (let slice = startMs; slice < endMs; slice += HOUR) {
    const sliceEnd = Math.min(slice + HOUR, endMs);
    const byRule = new Map<string, number>();
    let live = 0;
    scenario.segments.forEach((_seg, segment) => {
      const perMs = segmentRate(scenario, segment, slice) / HOUR;
      if (perMs <= 0) return;
      for (let m = slice; m < sliceEnd; m += MINUTE) {
        const { rule, async } = routeOf(segment, m);
        if (async !== null) continue;
        const n = perMs * (Math.min(m + MINUTE, sliceEnd) - m);
        live += n;
        byRule.set(rule.id, (byRule.get(rule.id) ?? 0) + n);
        slaSeconds.set(rule.id, rule.slaSeconds);
      }
    });
    hours.push({ seconds: (sliceEnd - slice) / 1000, live, byRule });
  }
  return { hours, slaSeconds };
}
