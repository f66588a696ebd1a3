import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AgentProfile, EscalationStep } from "../model.js";
import { judgeClass } from "./agent-class.js";
import { ClassColumns, FAIL_LANGUAGE, FAIL_SKILLS, FAIL_TEAM, FAIL_TIER, PASS } from "./class-columns.js";
import { constraintsFor } from "./constraints.js";
import { agent, request } from "./routing.fixture.js";

const SKILLS = Array.from({ length: 12 }, (_, i) => `skill-${i}`);
const TEAMS = Array.from({ length: 10 }, (_, i) => `team-${i}`);
const LANGS = ["en", "de", "pt", "fr", "es", "it", "nl", "pl", "sv", "da", "fi"];

const arbProfile: fc.Arbitrary<AgentProfile> = fc
  .record({
    skills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), proficiency: fc.integer({ min: 1, max: 5 }) }), {
      selector: (s) => s.skill,
      maxLength: 5,
    }),
    languages: fc.uniqueArray(fc.constantFrom(...LANGS), { maxLength: 3 }),
    translationEnabled: fc.boolean(),
    senior: fc.boolean(),
    teams: fc.uniqueArray(fc.constantFrom(...TEAMS), { maxLength: 3 }),
  })
  .map((p) => agent("a", p));

const arbStep: fc.Arbitrary<EscalationStep> = fc.record({
  afterSeconds: fc.constant(10),
  action: fc.oneof(
    fc.constant({ kind: "relax_language" as const }),
    fc.constant({ kind: "relax_tier" as const }),
    fc.constantFrom(...SKILLS).map((skill) => ({ kind: "widen_skill" as const, skill })),
    fc.constantFrom(...TEAMS).map((team) => ({ kind: "widen_team" as const, team })),
  ),
});

const arbConstraints = fc
  .record({
    skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 }),
    team: fc.option(fc.constantFrom(...TEAMS)),
    language: fc.constantFrom(...LANGS),
    allowTranslation: fc.boolean(),
    tier: fc.constantFrom("any" as const, "senior" as const, "named_csm" as const),
    csmAgentId: fc.option(fc.constant("a")),
    escalation: fc.array(arbStep, { maxLength: 3 }),
    steps: fc.nat({ max: 3 }),
  })
  .map(({ steps, ...r }) => constraintsFor(request("c", 0, r), steps));

const CODES = { null: PASS, team: FAIL_TEAM, skills: FAIL_SKILLS, language: FAIL_LANGUAGE, tier: FAIL_TIER } as const;

describe("ClassColumns", () => {
  it("judges every class as judgeClass does, however many names the tables grow to", () => {
    fc.assert(
      fc.property(fc.array(arbProfile, { minLength: 1, maxLength: 80 }), fc.array(arbConstraints, { minLength: 1, maxLength: 10 }), (profiles, cs) => {
        const columns = new ClassColumns();
        const out = new Float64Array(1);
        // Interleave adding classes and asking, so tables grow under existing queries.
        const queries: ReturnType<ClassColumns["query"]>[] = [];
        profiles.forEach((p, id) => {
          columns.add(id, p);
          const c = cs[id % cs.length];
          if (c !== undefined && queries.length < cs.length) queries.push(columns.query(c));
        });
        cs.forEach((c, i) => {
          const q = queries[i] ?? columns.query(c);
          profiles.forEach((p, id) => {
            const want = judgeClass(p, c);
            const code = columns.judge(id, q, out);
            expect(code).toBe(CODES[String(want.fail) as keyof typeof CODES]);
            expect(out[0]).toBe(want.level);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});
