import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTER_OPTIONS } from "../core/routing/index.js";
import { isMisroute, isQualified } from "./misroute.js";
import { createPolicy } from "./policy.js";
import { policyReport } from "./policy-report.js";
import { runSimulation } from "./run-simulation.js";
import { allDay, billingRule, simAgent, traffic } from "./sim.fixture.js";

const chat = (language = "en", rule = billingRule) => ({ rule, language });

describe("isQualified", () => {
  it("needs every skill of the rule's target", () => {
    const twoSkills = { ...billingRule, target: { ...billingRule.target, skills: ["billing", "vip"] } };
    expect(isQualified(simAgent("a").profile, chat())).toBe(true);
    expect(isQualified(simAgent("a").profile, chat("en", twoSkills))).toBe(false);
    expect(isQualified(simAgent("b", { skills: [{ skill: "vip", proficiency: 5 }, { skill: "billing", proficiency: 1 }] }).profile, chat("en", twoSkills))).toBe(true);
    expect(isQualified(simAgent("c", { skills: [{ skill: "general", proficiency: 5 }] }).profile, chat())).toBe(false);
  });

  it("needs the visitor's language, natively or by translation", () => {
    expect(isQualified(simAgent("en").profile, chat("es"))).toBe(false);
    expect(isQualified(simAgent("es", { languages: ["en", "es"] }).profile, chat("es"))).toBe(true);
    // Translation serves the language whether or not the rule allowed it from the start.
    expect(isQualified(simAgent("tr", { translationEnabled: true }).profile, chat("es"))).toBe(true);
  });

  it("a rule without skills takes anyone who can read the visitor", () => {
    const anyone = { ...billingRule, target: { ...billingRule.target, skills: [] } };
    expect(isQualified(simAgent("x", { skills: [] }).profile, chat("en", anyone))).toBe(true);
    expect(isMisroute(simAgent("x", { skills: [] }).profile, chat("de", anyone))).toBe(true);
  });
});

describe("the qualified column", () => {
  // Two agents, one free slot each: "tech" (no billing skill) and "bill". Round robin gives the
  // first chat to "tech" (first in rotation) and the second to "bill"; both are answered at once.
  const t = traffic([
    { at: 0, handle: 600 },
    { at: 1, handle: 600 },
    { at: 2, handle: 60 },
  ]);
  const roster = [simAgent("tech", { skills: [{ skill: "technical", proficiency: 5 }] }), simAgent("bill")];
  const report = (name: "baton" | "round-robin") =>
    policyReport(t, runSimulation({ traffic: t, roster, shifts: allDay(roster, t), policy: createPolicy(name, DEFAULT_ROUTER_OPTIONS) }));

  it("counts answered within the SLA by a qualified agent, over chats routed live", () => {
    const rr = report("round-robin");
    // Chat 0 to tech (misrouted, in SLA), chat 1 to bill (qualified, in SLA), chat 2 waits 598 s for tech.
    expect(rr.sla).toMatchObject({ met: 2 });
    expect(rr.qualified).toEqual({ met: 1, attainment: 1 / 3 });
    expect(rr.sla.perRule[0]).toMatchObject({ met: 2, qualifiedMet: 1, qualifiedAttainment: 1 / 3 });
  });

  it("a qualified answer after the SLA does not count", () => {
    const baton = report("baton");
    // Baton sends only billing chats to "bill": chat 0 at once, chats 1 and 2 after 599 s and 1,199 s.
    expect(baton.misroutes).toBe(0);
    expect(baton.sla.met).toBe(1);
    expect(baton.qualified).toEqual({ met: 1, attainment: 1 / 3 });
  });
});
