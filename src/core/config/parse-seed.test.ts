import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import type { ConfigIssue } from "./config-issue.js";
import { checkSeedAgainstConfig, parseConfig, parseSeed } from "./index.js";

const SEED = `agents:
  - id: maria
    name: Maria García
    email: maria@demo.baton
    password: demo
    teams: [billing]
    skills: [{ skill: billing, proficiency: 5 }]
    languages: [en, es]
    senior: true
    presence: online
  - id: admin
    name: Admin
    email: admin@demo.baton
    password: admin
    role: admin
    languages: [en]
    cap: 0
customers:
  - id: acme
    name: Acme Corp
    tier: enterprise
    csmAgentId: maria
    timeZone: America/New_York
  - id: joe
    name: Joe
`;

function issuesOf(fn: () => unknown): readonly ConfigIssue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("invalid_config");
    return ((e as DomainError).details?.issues ?? []) as ConfigIssue[];
  }
  throw new Error("expected a config error");
}

describe("parseSeed", () => {
  it("parses agents and customers with defaults", () => {
    const seed = parseSeed(SEED);
    expect(seed.agents[0]).toEqual({
      id: "maria",
      name: "Maria García",
      email: "maria@demo.baton",
      password: "demo",
      role: "agent",
      teams: ["billing"],
      skills: [{ skill: "billing", proficiency: 5 }],
      languages: ["en", "es"],
      translationEnabled: false,
      senior: true,
      cap: 3,
      presence: "online",
    });
    expect(seed.agents[1]).toMatchObject({ role: "admin", teams: [], skills: [], cap: 0 });
    expect(seed.agents[1]?.presence).toBeUndefined();
    expect(seed.customers[1]).toEqual({
      id: "joe",
      name: "Joe",
      email: null,
      plan: null,
      tier: "standard",
      openTickets: 0,
      lifetimeValue: 0,
      csmAgentId: null,
      timeZone: null,
    });
  });

  it("reports bad values with path and line", () => {
    const text = SEED.replace("proficiency: 5", "proficiency: 9").replace("America/New_York", "America/Gotham");
    expect(issuesOf(() => parseSeed(text)).map((i) => [i.path, i.line])).toEqual([
      ["agents[0].skills[0].proficiency", 7],
      ["customers[0].timeZone", 23],
    ]);
  });

  it("rejects duplicate ids and e-mails, and a CSM who is not seeded", () => {
    const text = SEED.replace("id: admin", "id: maria").replace("admin@demo.baton", "MARIA@demo.baton").replace("csmAgentId: maria", "csmAgentId: nobody");
    expect(issuesOf(() => parseSeed(text)).map((i) => [i.path, i.line, i.message])).toEqual([
      ["agents[1].id", 11, 'duplicate agent id "maria"'],
      ["agents[1].email", 13, 'duplicate agent e-mail "MARIA@demo.baton"'],
      ["customers[0].csmAgentId", 22, 'no seeded agent "nobody"'],
    ]);
  });
});

describe("checkSeedAgainstConfig", () => {
  const config = parseConfig(`
teams:
  - id: billing
    calendar: { timeZone: UTC, weekly: [{ day: 1, start: "09:00", end: "17:00" }] }
rules:
  - id: general
    slaSeconds: 60
`);

  it("passes when every agent's team exists", () => {
    expect(() => checkSeedAgainstConfig(parseSeed(SEED), config)).not.toThrow();
  });

  it("names the agents whose team is not configured", () => {
    const seed = parseSeed(SEED.replace("teams: [billing]", "teams: [billing, sales]"));
    expect(issuesOf(() => checkSeedAgainstConfig(seed, config))).toEqual([
      { path: "agents[0].teams[1]", line: null, message: 'team "sales" is not in the config (teams: billing)' },
    ]);
  });
});
