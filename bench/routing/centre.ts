import type { AgentProfile, AgentSkill, EscalationStep, Lang, RoutingRequest, TierRequirement } from "../../src/core/model.js";
import { request } from "../../src/core/routing/routing.fixture.js";
import type { Rng } from "../bench-kit.js";

/** A synthetic contact centre: roster profiles and the rule shapes its chats come from. */

export const SKILLS = [
  "general",
  "billing",
  "refunds",
  "technical",
  "api",
  "sales",
  "account",
  "retention",
  "shipping",
  "security",
] as const;
export const LANGS: readonly Lang[] = ["en", "es", "fr", "de", "pt"];
export const TEAMS = ["support", "billing", "tech", "sales", "retention", "vip", "emea", "latam"] as const;

/**
 * One agent: 2-4 skills (general for most) at proficiency 1-5, 1-3 languages (English for
 * most), 20% translation-enabled, ~10% senior, 1-2 teams, cap 2-5.
 */
export function makeAgent(rng: Rng, i: number): AgentProfile {
  const id = `agent-${String(i).padStart(5, "0")}`;
  const others: string[] = SKILLS.filter((s) => s !== "general");
  const picked = rng.sample(others, rng.int(1, 3));
  if (rng.chance(0.7)) picked.unshift("general");
  else picked.push(rng.pick(others.filter((s) => !picked.includes(s))));
  const skills: AgentSkill[] = picked.map((skill) => ({ skill, proficiency: rng.int(1, 5) }));
  const first = rng.chance(0.75) ? "en" : rng.pick(LANGS.slice(1));
  const extra = rng.sample(
    LANGS.filter((l) => l !== first),
    rng.weighted([
      [0, 5],
      [1, 3],
      [2, 2],
    ]),
  );
  return {
    id,
    name: `Agent ${i}`,
    email: `${id}@bench.test`,
    role: "agent",
    teams: rng.sample(TEAMS, rng.int(1, 2)),
    skills,
    languages: [first, ...extra],
    translationEnabled: rng.chance(0.2),
    senior: rng.chance(0.1),
    cap: rng.int(2, 5),
  };
}

interface Shape {
  readonly rule: string;
  readonly weight: number;
  readonly skills: readonly string[];
  readonly team: string | null;
  readonly tier: TierRequirement;
  readonly priority: number;
  readonly slaSeconds: number;
  readonly escalation: readonly EscalationStep[];
  /** Non-English chats that may go through translation from the start. */
  readonly foreign?: boolean;
  /** Share of these chats whose customer has a named CSM. */
  readonly csmShare?: number;
}

/** The rules table's shapes, roughly as a seeded baton.yaml would have them. */
export const SHAPES: readonly Shape[] = [
  { rule: "billing", weight: 20, skills: ["billing"], team: null, tier: "any", priority: 0, slaSeconds: 60,
    escalation: [{ afterSeconds: 30, action: { kind: "relax_language" } }, { afterSeconds: 60, action: { kind: "widen_skill", skill: "general" } }] },
  { rule: "technical", weight: 20, skills: ["technical"], team: "tech", tier: "any", priority: 0, slaSeconds: 120,
    escalation: [{ afterSeconds: 60, action: { kind: "widen_team", team: "support" } }] },
  { rule: "pre-sale", weight: 12, skills: ["sales"], team: "sales", tier: "any", priority: 20, slaSeconds: 60,
    escalation: [{ afterSeconds: 45, action: { kind: "widen_skill", skill: "general" } }] },
  { rule: "cancel-refund", weight: 10, skills: ["billing", "refunds"], team: null, tier: "senior", priority: 20, slaSeconds: 60,
    escalation: [{ afterSeconds: 30, action: { kind: "relax_tier" } }] },
  { rule: "vip", weight: 4, skills: ["account"], team: "vip", tier: "named_csm", priority: 100, slaSeconds: 30, csmShare: 0.5,
    escalation: [{ afterSeconds: 15, action: { kind: "relax_tier" } }, { afterSeconds: 30, action: { kind: "widen_team", team: "support" } }] },
  { rule: "non-english", weight: 14, skills: ["general"], team: null, tier: "any", priority: 0, slaSeconds: 120, foreign: true,
    escalation: [] },
  { rule: "integrations", weight: 8, skills: ["technical", "api"], team: null, tier: "senior", priority: 0, slaSeconds: 120,
    escalation: [{ afterSeconds: 90, action: { kind: "relax_tier" } }] },
  { rule: "shipping", weight: 12, skills: ["shipping"], team: null, tier: "any", priority: 0, slaSeconds: 90,
    escalation: [{ afterSeconds: 60, action: { kind: "widen_skill", skill: "general" } }] },
];

const WEIGHTED = SHAPES.map((s) => [s, s.weight] as const);

/** A chat from one of the rule shapes, arriving at `at`. `csmPool` holds the agents who are named CSMs. */
export function makeRequest(rng: Rng, conversationId: string, at: number, csmPool: readonly string[]): RoutingRequest {
  const s = rng.weighted(WEIGHTED);
  const language = s.foreign === true ? rng.pick(LANGS.slice(1)) : rng.chance(0.75) ? "en" : rng.pick(LANGS.slice(1));
  const csmAgentId = s.csmShare !== undefined && rng.chance(s.csmShare) ? rng.pick(csmPool) : null;
  return {
    conversationId,
    ruleId: s.rule,
    skills: s.skills,
    team: s.team,
    language,
    allowTranslation: s.foreign === true,
    tier: s.tier,
    csmAgentId,
    priority: s.priority,
    triggeredAt: at,
    arrivedAt: at,
    slaDeadline: at + s.slaSeconds * 1000,
    escalation: s.escalation,
    excludeAgentIds: [],
    targetAgentId: null,
  };
}

/** A chat this agent is eligible for (one of their skills, their first language): used to fill the roster. */
export function fillRequest(rng: Rng, conversationId: string, at: number, a: AgentProfile): RoutingRequest {
  return request(conversationId, at, {
    ruleId: "fill",
    skills: [rng.pick(a.skills).skill],
    language: a.languages[0] ?? "en",
    slaDeadline: at + 120_000,
  });
}
