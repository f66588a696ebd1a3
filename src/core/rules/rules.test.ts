import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomerTier, type RoutingRule, TOPICS, TRIGGER_KINDS } from "../model.js";
import { buildRoutingRequest, explainMatch, matchRule, type RuleFacts } from "./index.js";

const rule = (id: string, when: RoutingRule["when"], extra: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  name: id,
  when,
  target: { skills: [id], team: null, tier: "any", allowTranslation: false },
  priority: 10,
  slaSeconds: 60,
  async: false,
  escalation: [],
  ...extra,
});

const facts: RuleFacts = { topic: "billing", trigger: "keyword", tier: "standard", language: "en", afterHours: false };
const catchAll = rule("general", {});

describe("matchRule: each when key", () => {
  it("topics", () => {
    const rules = [rule("billing", { topics: ["billing", "cancellation"] }), catchAll];
    expect(matchRule(rules, facts)?.rule.id).toBe("billing");
    expect(matchRule(rules, { ...facts, topic: "cancellation" })?.rule.id).toBe("billing");
    expect(matchRule(rules, { ...facts, topic: "technical" })?.rule.id).toBe("general");
  });

  it("triggers", () => {
    const rules = [rule("angry", { triggers: ["negative_sentiment"] }), catchAll];
    expect(matchRule(rules, { ...facts, trigger: "negative_sentiment" })?.rule.id).toBe("angry");
    expect(matchRule(rules, facts)?.rule.id).toBe("general");
  });

  it("tiers", () => {
    const rules = [rule("vip", { tiers: ["vip", "enterprise"] }), catchAll];
    expect(matchRule(rules, { ...facts, tier: "enterprise" })?.rule.id).toBe("vip");
    expect(matchRule(rules, { ...facts, tier: "vip" })?.rule.id).toBe("vip");
    expect(matchRule(rules, facts)?.rule.id).toBe("general");
  });

  it("languages, by primary subtag and case-insensitively", () => {
    const rules = [rule("spanish", { languages: ["es"] }), catchAll];
    expect(matchRule(rules, { ...facts, language: "es" })?.rule.id).toBe("spanish");
    expect(matchRule(rules, { ...facts, language: "es-MX" })?.rule.id).toBe("spanish");
    expect(matchRule(rules, { ...facts, language: "ES" })?.rule.id).toBe("spanish");
    expect(matchRule(rules, facts)?.rule.id).toBe("general");
  });

  it("notLanguages", () => {
    const rules = [rule("intl", { notLanguages: ["en"] }), catchAll];
    expect(matchRule(rules, { ...facts, language: "fr" })?.rule.id).toBe("intl");
    expect(matchRule(rules, facts)?.rule.id).toBe("general");
    expect(matchRule(rules, { ...facts, language: "en-GB" })?.rule.id).toBe("general");
  });

  it("afterHours, true and false", () => {
    const rules = [rule("night", { afterHours: true }), rule("day", { afterHours: false })];
    expect(matchRule(rules, { ...facts, afterHours: true })?.rule.id).toBe("night");
    expect(matchRule(rules, facts)?.rule.id).toBe("day");
  });

  it("needs every present key to match", () => {
    const rules = [rule("es-billing", { topics: ["billing"], languages: ["es"] }), catchAll];
    expect(matchRule(rules, { ...facts, language: "es" })?.rule.id).toBe("es-billing");
    expect(matchRule(rules, facts)?.rule.id).toBe("general");
    expect(matchRule(rules, { ...facts, topic: "orders", language: "es" })?.rule.id).toBe("general");
  });

  it("returns null when nothing matches, and the reasons when something does", () => {
    expect(matchRule([rule("vip", { tiers: ["vip"] })], facts)).toBeNull();
    expect(matchRule([rule("billing", { topics: ["billing"] })], facts)?.reasons).toEqual(['✓ topic "billing" is in [billing]']);
    expect(matchRule([catchAll], facts)?.reasons).toEqual(["no conditions: matches everything"]);
  });

  it("property: an empty `when` matches any facts; first match wins", () => {
    const anyFacts = fc.record({
      topic: fc.constantFrom(...TOPICS),
      trigger: fc.constantFrom(...TRIGGER_KINDS),
      tier: fc.constantFrom<CustomerTier>("standard", "vip", "enterprise"),
      language: fc.constantFrom("en", "es", "fr", "de", "pt-BR"),
      afterHours: fc.boolean(),
    });
    fc.assert(
      fc.property(anyFacts, (f) => {
        const rules = [rule("vip", { tiers: ["vip"] }), catchAll, rule("later", {})];
        const got = matchRule(rules, f)?.rule.id;
        expect(got).toBe(f.tier === "vip" ? "vip" : "general");
        expect(explainMatch(rules, f).filter((v) => v.chosen).map((v) => v.rule.id)).toEqual([got]);
      }),
    );
  });
});

describe("explainMatch", () => {
  it("explains every rule: failed keys, the chosen rule, and shadowed later matches", () => {
    const rules = [
      rule("vip", { tiers: ["vip", "enterprise"] }),
      rule("intl", { notLanguages: ["en"], afterHours: false }),
      rule("billing", { topics: ["billing"] }),
      catchAll,
    ];
    const verdicts = explainMatch(rules, facts);
    expect(verdicts.map((v) => [v.rule.id, v.matched, v.chosen])).toEqual([
      ["vip", false, false],
      ["intl", false, false],
      ["billing", true, true],
      ["general", true, false],
    ]);
    expect(verdicts[0]?.reasons).toEqual(['✗ tier "standard" is not in [vip, enterprise]']);
    expect(verdicts[1]?.reasons).toEqual(['✗ language "en" is in the excluded [en]', "✓ within hours, rule wants within hours"]);
  });
});

describe("buildRoutingRequest", () => {
  it("copies the target, adds the boost and sets the SLA deadline from the trigger", () => {
    const r = rule("billing", { topics: ["billing"] }, {
      target: { skills: ["billing"], team: "billing", tier: "senior", allowTranslation: true },
      priority: 40,
      slaSeconds: 90,
      escalation: [{ afterSeconds: 60, action: { kind: "widen_team", team: "support" } }],
    });
    const req = buildRoutingRequest({
      conversationId: "c1",
      rule: r,
      language: "es",
      csmAgentId: "a7",
      triggeredAt: 1_000_000,
      now: 1_004_000,
      priorityBoost: 20,
    });
    expect(req).toEqual({
      conversationId: "c1",
      ruleId: "billing",
      skills: ["billing"],
      team: "billing",
      language: "es",
      allowTranslation: true,
      tier: "senior",
      csmAgentId: "a7",
      priority: 60,
      triggeredAt: 1_000_000,
      arrivedAt: 1_004_000,
      slaDeadline: 1_090_000,
      escalation: r.escalation,
      excludeAgentIds: [],
      targetAgentId: null,
    });
  });

  it("uses no boost by default", () => {
    const req = buildRoutingRequest({ conversationId: "c", rule: catchAll, language: "en", csmAgentId: null, triggeredAt: 0, now: 0 });
    expect(req.priority).toBe(10);
    expect(req.slaDeadline).toBe(60_000);
  });
});
