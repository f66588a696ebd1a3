import { type ErlangBound, erlangBound, liveHandleMeanSeconds, slotsPerHour } from "./erlang-bound.js";
import { expectedLoad } from "./expected-load.js";
import type { ScenarioBundle } from "./load-scenario.js";
import { createPolicy, POLICY_NAMES, type PolicyName } from "./policy.js";
import { type PolicyReport, policyReport } from "./policy-report.js";
import { shiftWindows } from "./roster.js";
import { runSimulation } from "./run-simulation.js";
import { generateTraffic } from "./traffic.js";

/** The what-if answer: each policy on the same traffic, and the Erlang-C reference. */
export interface SimReport {
  readonly scenario: string;
  readonly source: string;
  readonly seed: number;
  readonly start: string;
  readonly timeZone: string;
  readonly durationHours: number;
  readonly agents: number;
  readonly policies: readonly PolicyReport[];
  readonly bound: ErlangBound;
}

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Policies to run, in order; all three by default. */
  readonly policies?: readonly PolicyName[];
  /** Overrides the scenario's local start, "2026-03-10T09:00" (with durationHours: a window of the day). */
  readonly start?: string;
  /** Overrides the scenario's duration (a shorter run for tests). */
  readonly durationHours?: number;
  /** Called with the fraction done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Generates the scenario's traffic once and runs each policy on it (same arrivals, handle
 * times, patience and roster), Baton's being the production router. Same bundle and seed →
 * the same report, to the last digit.
 *
 * @example
 * const report = simulate(loadScenario("config/scenarios/mixed-skill-day.yaml"), { seed: 7 });
 * report.policies[0]?.sla.attainment;
 */
export function simulate(bundle: ScenarioBundle, options: SimulateOptions = {}): SimReport {
  const scenario = {
    ...bundle.scenario,
    start: options.start ?? bundle.scenario.start,
    durationHours: options.durationHours ?? bundle.scenario.durationHours,
  };
  const seed = options.seed ?? scenario.seed;
  const traffic = generateTraffic(scenario, bundle.config, seed);
  const shifts = bundle.roster.map((a) => shiftWindows(a.shift, traffic.startMs, traffic.endMs, scenario.timeZone));
  const names = options.policies ?? POLICY_NAMES;
  const total = Math.max(1, traffic.arrivals.length * names.length);
  const policies = names.map((name, k) =>
    policyReport(
      traffic,
      runSimulation({
        traffic,
        roster: bundle.roster,
        shifts,
        policy: createPolicy(name, bundle.config.router),
        offerAcceptMs: scenario.offerAcceptSeconds * 1000,
        onProgress: (done) => options.onProgress?.((k * traffic.arrivals.length + done) / total),
      }),
    ),
  );
  return {
    scenario: scenario.name,
    source: bundle.source,
    seed,
    start: scenario.start,
    timeZone: scenario.timeZone,
    durationHours: scenario.durationHours,
    agents: bundle.roster.length,
    policies,
    bound: erlangBound(expectedLoad(scenario, bundle.config), liveHandleMeanSeconds(traffic), slotsPerHour(traffic, bundle.roster, shifts)),
  };
}
