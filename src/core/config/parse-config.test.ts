import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import type { ConfigIssue } from "./config-issue.js";
import { parseConfig } from "./index.js";

const VALID = `
teams:
  - id: billing
    calendar: &paris
      timeZone: Europe/Paris
      weekly:
        - { days: [mon, tue, wed, thu, fri], start: "08:00", end: "12:00" }
        - { days: [1, 2, 3, 4, 5], start: "13:00", end: "18:00" }
      holidays: [2026-12-25]
  - id: support
    name: Support
    skills: [general]
    calendar: *paris
rules:
  - id: billing
    when: { topics: [billing, cancellation] }
    target: { skills: [billing], team: billing }
    priority: 50
    slaSeconds: 60
    escalation:
      - { afterSeconds: 90, action: { kind: widen_team, team: support } }
      - { afterSeconds: 120, action: relax_language }
  - id: general
    slaSeconds: 120
`;

/** Runs `fn`, expects an invalid_config DomainError, returns its issues and message. */
function failure(fn: () => unknown): { issues: readonly ConfigIssue[]; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const err = e as DomainError;
    expect(err.code).toBe("invalid_config");
    return { issues: (err.details?.issues ?? []) as ConfigIssue[], message: err.message };
  }
  throw new Error("expected a config error");
}

describe("parseConfig", () => {
  it("parses a valid file and fills the defaults", () => {
    const cfg = parseConfig(VALID);
    expect(cfg.server).toEqual({ port: 3000, host: "127.0.0.1", publicUrl: "http://localhost:3000", sessionSecret: null, trustProxy: false });
    expect(cfg.storage.url).toBe("sqlite:data/baton.db");
    expect(cfg.smtp).toBeNull();
    expect(cfg.crm.webhookUrl).toBeNull();
    expect(cfg.router).toEqual({
      offers: { enabled: false, timeoutSeconds: 30, declineCooloffSeconds: 30 },
      onAway: "keep",
      onOffline: "requeue",
      asyncOfferWithinSeconds: 15,
      unanswered: null,
    });
    expect(cfg.priority).toEqual({ negativeSentimentBoost: 20, vipBoost: 0 });
    expect(cfg.wait).toEqual({ bucketsSeconds: [60, 120], asyncOfferAboveSeconds: 300, defaultHandleSeconds: 240 });
    expect(cfg.triggers.lowConfidenceTurns).toBe(2);
    expect(cfg.bot.corpusFile).toBe("config/bot-corpus.yaml");
  });

  it("expands day lists, follows YAML anchors, and names things by id by default", () => {
    const cfg = parseConfig(VALID);
    const [billing, support] = cfg.teams;
    expect(billing?.name).toBe("billing");
    expect(billing?.calendar.weekly).toHaveLength(10);
    expect(billing?.calendar.weekly[5]).toEqual({ day: 1, start: "13:00", end: "18:00" });
    expect(support?.calendar).toEqual(billing?.calendar);
    expect(cfg.rules[0]?.escalation.map((s) => s.action)).toEqual([{ kind: "widen_team", team: "support" }, { kind: "relax_language" }]);
    expect(cfg.rules[1]).toMatchObject({ name: "general", when: {}, target: { skills: [], team: null, tier: "any", allowTranslation: false } });
  });

  it("merges trigger keywords per language over the defaults", () => {
    const cfg = parseConfig(`${VALID}\ntriggers:\n  keywords:\n    en: [cancel]\n`);
    expect(cfg.triggers.keywords.en).toEqual(["cancel"]);
    expect(cfg.triggers.keywords.es).toContain("reembolso");
  });

  it("reports a wrong type with its path and line", () => {
    const text = VALID.replace("slaSeconds: 60", 'slaSeconds: "sixty"');
    const { issues, message } = failure(() => parseConfig(text));
    expect(issues).toEqual([{ path: "rules[0].slaSeconds", line: 19, message: expect.stringContaining("expected number") }]);
    expect(message).toContain("baton.yaml is invalid (1 problem):");
    expect(message).toContain("rules[0].slaSeconds (line 19): ");
  });

  it("reports a missing key at its parent's line, and an unknown key at its own", () => {
    const text = VALID.replace("    slaSeconds: 120\n", "    slaSecs: 120\n");
    const { issues } = failure(() => parseConfig(text, "ops.yaml"));
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ["rules[1].slaSeconds", 23],
      ["rules[1].slaSecs", 24],
    ]);
  });

  it("names an unknown team in a target and in an escalation", () => {
    const text = VALID.replace("team: billing }", "team: billling }").replace("team: support }", "team: overflow }");
    const { issues } = failure(() => parseConfig(text));
    expect(issues).toEqual([
      { path: "rules[0].target.team", line: 17, message: 'unknown team "billling" (teams: billing, support)' },
      { path: "rules[0].escalation[0].action.team", line: 21, message: 'unknown team "overflow" (teams: billing, support)' },
    ]);
  });

  it("reports syntax, type and cross-reference mistakes together (issue 17: a type error hid an unknown team)", () => {
    const text = VALID.replace("team: billing }", "team: billling }")
      .replace("    slaSeconds: 120\n", "    slaSeconds: soon\n")
      .replace("    priority: 50\n", "    priority: 50\n    priority: 60\n");
    const { issues, message } = failure(() => parseConfig(text));
    expect(issues.map((i) => [i.path, i.line, i.message.replace(/:.*$/s, "")])).toEqual([
      ["", 19, "YAML syntax"],
      ["rules[1].slaSeconds", 25, "Invalid input"],
      ["rules[0].target.team", 17, 'unknown team "billling" (teams'],
    ]);
    expect(message).toMatch(/^baton.yaml is invalid \(3 problems\)/);
  });

  it("rejects a duplicate rule id", () => {
    const text = VALID.replace("  - id: general", "  - id: billing");
    const { issues } = failure(() => parseConfig(text));
    expect(issues).toEqual([{ path: "rules[1].id", line: 23, message: 'duplicate rule id "billing"' }]);
  });

  it("rejects an unknown time zone at the anchor's line", () => {
    const text = VALID.replace("Europe/Paris", "Europe/Pariss");
    const { issues } = failure(() => parseConfig(text));
    expect(issues.map((i) => [i.path, i.line, i.message])).toEqual([
      ["teams[0].calendar.timeZone", 5, 'unknown IANA time zone "Europe/Pariss"'],
      ["teams[1].calendar.timeZone", 5, 'unknown IANA time zone "Europe/Pariss"'],
    ]);
  });

  it("rejects bad hours and dates", () => {
    const text = VALID.replace('start: "13:00", end: "18:00"', 'start: "18:00", end: "13:00"')
      .replace('end: "12:00"', 'end: "12h"')
      .replace("2026-12-25", "2026-02-30");
    const { issues } = failure(() => parseConfig(text));
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ["teams[0].calendar.weekly[0].end", 7],
      ["teams[0].calendar.weekly[1].end", 8],
      ["teams[0].calendar.holidays[0]", 9],
      // The second team shares the calendar through the YAML alias: same lines.
      ["teams[1].calendar.weekly[0].end", 7],
      ["teams[1].calendar.weekly[1].end", 8],
      ["teams[1].calendar.holidays[0]", 9],
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const { issues, message } = failure(() => parseConfig("teams:\n  - id: a\n    skills: [x, y\nrules: []\n"));
    expect(issues[0]?.line).toBe(4);
    expect(issues[0]?.message).toMatch(/^YAML syntax: /);
    expect(message).toContain("(line 4)");
  });

  it("rejects duplicate keys as a syntax error", () => {
    const { issues } = failure(() => parseConfig(`${VALID}\nteams: []\n`));
    expect(issues[0]?.message).toContain("unique");
  });

  it("needs a catch-all last and flags rules after it as unreachable", () => {
    const noCatchAll = VALID.replace("  - id: general\n    slaSeconds: 120\n", "");
    expect(failure(() => parseConfig(noCatchAll)).issues.map((i) => i.path)).toEqual(["rules"]);
    const shadowed = `${VALID}  - id: late\n    when: { tiers: [vip] }\n    slaSeconds: 30\n`;
    const { issues } = failure(() => parseConfig(shadowed));
    expect(issues).toEqual([{ path: "rules[2]", line: 25, message: expect.stringContaining('unreachable: rule "general"') }]);
  });

  it("rejects an empty condition list, which would match nothing", () => {
    const { issues } = failure(() => parseConfig(VALID.replace("topics: [billing, cancellation]", "topics: []")));
    expect(issues.map((i) => i.path)).toEqual(["rules[0].when.topics"]);
  });

  it("lists every problem at once", () => {
    const text = VALID.replace("slaSeconds: 60", "slaSeconds: -1").replace("priority: 50", "priority: high");
    const { issues, message } = failure(() => parseConfig(text));
    expect(issues.map((i) => i.path).sort()).toEqual(["rules[0].priority", "rules[0].slaSeconds"]);
    expect(message).toContain("(2 problems)");
  });

  it("rejects an empty file", () => {
    expect(failure(() => parseConfig("# nothing yet\n")).issues).toEqual([{ path: "", line: null, message: "the file is empty" }]);
  });
});
