import { DateTime } from "luxon";
import type { Seed } from "../core/config/index.js";
import type { AgentProfile } from "../core/model.js";
import type { Scenario, ShiftSpec } from "./scenario.schema.js";

/** One simulated agent: who they are and the daily shift they work. */
export interface RosterAgent {
  readonly profile: AgentProfile;
  readonly shift: ShiftSpec;
}

/** [on, off) in epoch ms. */
export type ShiftWindow = readonly [number, number];

const spread = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;

/**
 * The scenario's roster as agents: seed-file agents copied `copies` times (copy 1 keeps the
 * seed's id, copy k is "<id>-k") and each group's `count` agents ("<group>-1" ..), each put on
 * the listed shifts in turn (a seed agent's copies rotate through the shifts). Seed agents with cap 0 (admins) are left out.
 */
export function buildRoster(roster: Scenario["roster"], seed: Seed | null): RosterAgent[] {
  const out: RosterAgent[] = [];
  if (roster.seed !== undefined && seed !== null) {
    const working = seed.agents.filter((a) => a.cap > 0);
    for (let copy = 1; copy <= roster.seed.copies; copy++) {
      for (const [n, a] of working.entries()) {
        const id = copy === 1 ? a.id : `${a.id}-${copy}`;
        const { password: _p, presence: _s, ...profile } = a;
        // Shifted by the copy number too, so each seed agent's copies cover every shift.
        out.push({ profile: { ...profile, id, email: `${id}@sim.baton` }, shift: spread(roster.seed.shifts, n + copy - 1) });
      }
    }
  }
  for (const g of roster.groups) {
    for (let k = 1; k <= g.count; k++) {
      const id = `${g.group}-${k}`;
      out.push({
        profile: {
          id,
          name: id,
          email: `${id}@sim.baton`,
          role: "agent",
          teams: g.teams,
          skills: Object.entries(g.skills).map(([skill, proficiency]) => ({ skill, proficiency })),
          languages: g.languages,
          translationEnabled: g.translationEnabled,
          senior: g.senior,
          cap: g.cap,
        },
        shift: spread(g.shifts, k - 1),
      });
    }
  }
  return out;
}

function localAt(day: DateTime, hours: number, zone: string): number {
  const h = Math.floor(hours);
  const minute = Math.round((hours - h) * 60);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: 0, minute: 0 }, { zone })
    .plus({ hours: h, minutes: minute })
    .toMillis();
}

/**
 * The windows a daily shift is worked within [startMs, endMs), in the zone's wall-clock hours
 * (so DST moves them as it should). A shift with end ≤ start ends the next day; windows cut
 * by the run's start begin at `startMs`.
 */
export function shiftWindows(shift: ShiftSpec, startMs: number, endMs: number, zone: string): ShiftWindow[] {
  const first = DateTime.fromMillis(startMs, { zone }).startOf("day").minus({ days: 1 });
  const out: ShiftWindow[] = [];
  for (let day = first; day.toMillis() < endMs; day = day.plus({ days: 1 })) {
    const on = localAt(day, shift.start, zone);
    const off = shift.end > shift.start ? localAt(day, shift.end, zone) : localAt(day.plus({ days: 1 }), shift.end, zone);
    if (off <= startMs || on >= endMs) continue;
    out.push([Math.max(on, startMs), off]);
  }
  return out;
}
