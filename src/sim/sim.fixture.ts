import type { AgentProfile, RoutingRule } from "../core/model.js";
import type { RosterAgent, ShiftWindow } from "./roster.js";
import type { Arrival, Traffic } from "./traffic.js";

/** Test builders (not exported from the folder's index). */
export const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);

export const billingRule: RoutingRule = {
  id: "billing",
  name: "Billing",
  when: {},
  target: { skills: ["billing"], team: null, tier: "any", allowTranslation: false },
  priority: 50,
  slaSeconds: 60,
  async: false,
  escalation: [],
};

export function simAgent(id: string, over: Partial<AgentProfile> = {}): RosterAgent {
  return {
    profile: {
      id,
      name: id,
      email: `${id}@example.test`,
      role: "agent",
      teams: [],
      skills: [{ skill: "billing", proficiency: 3 }],
      languages: ["en"],
      translationEnabled: false,
      senior: false,
      cap: 1,
      ...over,
    },
    shift: { start: 0, end: 0 },
  };
}

/** Arrivals at `at` offsets (seconds after T0) with fixed handle and patience times. */
export function traffic(
  arrivals: readonly { at: number; handle: number; patience?: number; rule?: RoutingRule; language?: string }[],
  hours = 2,
): Traffic {
  const list: Arrival[] = arrivals.map((a, index) => ({
    index,
    at: T0 + a.at * 1000,
    segment: 0,
    rule: a.rule ?? billingRule,
    language: a.language ?? "en",
    csmAgentId: null,
    priorityBoost: 0,
    async: null,
    handleMs: a.handle * 1000,
    patienceMs: (a.patience ?? 3600) * 1000,
  }));
  return { startMs: T0, endMs: T0 + hours * 3_600_000, arrivals: list };
}

/** Everyone on shift for the whole window. */
export const allDay = (roster: readonly RosterAgent[], t: Traffic): ShiftWindow[][] => roster.map(() => [[t.startMs, t.endMs + 86_400_000]]);
