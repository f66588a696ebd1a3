import { parseScenario, type ScenarioBundle } from "./load-scenario.js";

/** A Baton config whose one rule takes every chat, for any agent, at any hour. */
const ONE_POOL_CONFIG = `
teams:
  - id: pool
    calendar:
      timeZone: UTC
      weekly: [{ days: [mon, tue, wed, thu, fri, sat, sun], start: "00:00", end: "24:00" }]
rules:
  - id: any
    target: { skills: [], team: null }
    priority: 10
    slaSeconds: 20
`;

/**
 * An exact M/M/N scenario (test builder, not exported from the folder's index): one pool of
 * `servers` agents with cap 1 on shift throughout, Poisson arrivals at `rho·servers/h` per
 * second, exponential handle times of mean `h` seconds, nobody abandons.
 */
export function mmnScenario(o: { servers: number; rho: number; handleSeconds: number; hours: number; seed: number }): ScenarioBundle {
  const perHour = (o.rho * o.servers * 3600) / o.handleSeconds;
  const text = `
name: M/M/${o.servers} at rho ${o.rho}
seed: ${o.seed}
config: one-pool.yaml
start: "2026-03-02T00:00"
timeZone: UTC
durationHours: ${o.hours}
patience: { kind: infinite }
handle:
  default: { kind: exponential, meanSeconds: ${o.handleSeconds} }
segments:
  - { id: all, perHour: ${perHour}, topic: orders }
roster:
  groups:
    - { group: pool, count: ${o.servers}, languages: [en], cap: 1, shifts: [{ start: 0, end: 0 }] }
`;
  return parseScenario(text, "mmn.yaml", () => ONE_POOL_CONFIG);
}
