import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nextOpen } from "../../src/core/hours/index.js";
import { matchRule, type RuleFacts } from "../../src/core/rules/index.js";
import { checkSeedAgainstConfig, parseConfig, parseSeed } from "../../src/core/config/index.js";

const read = (name: string) => readFileSync(new URL(`../../config/${name}`, import.meta.url), "utf8");
const config = parseConfig(read("baton.yaml"), "config/baton.yaml");
const seed = parseSeed(read("demo-seed.yaml"), "config/demo-seed.yaml");

describe("shipped config/baton.yaml and config/demo-seed.yaml", () => {
  it("parse, and every seeded agent's team exists in the config", () => {
    expect(config.teams.map((t) => t.id)).toEqual(["billing", "technical", "sales", "support", "support-intl"]);
    expect(seed.agents.length).toBeGreaterThanOrEqual(8);
    expect(() => checkSeedAgainstConfig(seed, config)).not.toThrow();
  });

  it("has the rules in the documented order with the documented SLAs", () => {
    expect(config.rules.map((r) => [r.id, r.slaSeconds])).toEqual([
      ["vip", 30],
      ["after-hours", 57600],
      ["billing", 60],
      ["technical", 120],
      ["presale", 60],
      ["general", 120],
    ]);
    expect(config.rules.find((r) => r.id === "after-hours")?.async).toBe(true);
    // VIP: the named CSM and seniors first, wider pools only by escalation, within the 30 s SLA.
    const vip = config.rules.find((r) => r.id === "vip");
    expect(vip?.target).toMatchObject({ skills: ["vip"], tier: "senior" });
    expect(vip?.escalation.map((s) => [s.afterSeconds, s.action.kind])).toEqual([
      [10, "relax_tier"],
      [20, "widen_skill"],
    ]);
    // Every routed rule lets translation in behind native speakers, so no language is refused.
    for (const r of config.rules.filter((r) => !r.async)) expect(r.target.allowTranslation, r.id).toBe(true);
  });

  it("routes typical handoffs to the intended rule", () => {
    const base: RuleFacts = { topic: "orders", trigger: "explicit_request", tier: "standard", language: "en", afterHours: false };
    const ruleFor = (f: Partial<RuleFacts>) => matchRule(config.rules, { ...base, ...f })?.rule.id;
    expect(ruleFor({ tier: "enterprise", afterHours: true })).toBe("vip");
    expect(ruleFor({ afterHours: true, topic: "billing" })).toBe("after-hours");
    // Language is a constraint inside the topic, not a rule in front of it.
    expect(ruleFor({ language: "es", topic: "billing" })).toBe("billing");
    expect(ruleFor({ language: "de", topic: "human" })).toBe("general");
    expect(ruleFor({ topic: "cancellation" })).toBe("billing");
    expect(ruleFor({ topic: "technical" })).toBe("technical");
    expect(ruleFor({ topic: "presale" })).toBe("presale");
    expect(ruleFor({})).toBe("general");
  });

  it("gives every team a calendar that opens, skipping the holidays", () => {
    const christmasEve = Date.UTC(2026, 11, 25, 3); // 22:00 on the 24th in New York, 04:00 on the 25th in Paris
    const opens = Object.fromEntries(config.teams.map((t) => [t.id, new Date(nextOpen(t.calendar, christmasEve)).toISOString()]));
    expect(opens).toEqual({
      billing: "2026-12-28T07:00:00.000Z", // Monday 08:00 Paris: the 25th is a holiday
      technical: "2026-12-26T15:00:00.000Z", // Saturday 10:00 New York: the 25th is a holiday
      sales: "2026-12-28T14:00:00.000Z", // Monday 09:00 New York
      support: "2026-12-28T07:00:00.000Z",
      "support-intl": "2026-12-26T07:00:00.000Z", // Saturday 08:00 Paris
    });
  });

  it("seeds, for every routed rule and escalation team, an agent who could take the chat", () => {
    const agents = seed.agents.filter((a) => a.cap > 0);
    const can = (team: string | null, skills: readonly string[]) =>
      agents.some((a) => (team === null || a.teams.includes(team)) && skills.every((s) => a.skills.some((k) => k.skill === s)));
    for (const rule of config.rules.filter((r) => !r.async)) {
      expect(can(rule.target.team, rule.target.skills), rule.id).toBe(true);
      for (const step of rule.escalation) {
        if (step.action.kind === "widen_team") expect(can(step.action.team, []), `${rule.id} → ${step.action.team}`).toBe(true);
        if (step.action.kind === "widen_skill") expect(can(null, [step.action.skill]), `${rule.id} → ${step.action.skill}`).toBe(true);
      }
    }
  });

  it("seeds the demo logins, VIP and enterprise customers with named CSMs who take chats", () => {
    const login = (email: string) => seed.agents.find((a) => a.email === email);
    expect(login("maria@demo.baton")).toMatchObject({ password: "demo", teams: ["billing"], languages: ["en", "es"], cap: 3, senior: true });
    expect(login("admin@demo.baton")).toMatchObject({ password: "admin", role: "admin" });
    expect(seed.agents.filter((a) => a.role === "agent").every((a) => a.password === "demo")).toBe(true);
    const highValue = seed.customers.filter((c) => c.tier !== "standard");
    expect(new Set(highValue.map((c) => c.tier))).toEqual(new Set(["vip", "enterprise"]));
    for (const c of highValue) {
      const csm = seed.agents.find((a) => a.id === c.csmAgentId);
      expect(csm?.cap, c.id).toBeGreaterThan(0);
      expect(c.timeZone).not.toBeNull();
    }
  });
});
