import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../core/config/index.js";
import { startupBanner } from "./banner.js";

const { teams } = parseConfig(readFileSync("config/baton.yaml", "utf8"));
const base = { url: "http://localhost:3000", teams, botKey: "in data/bot-api-key", hours: undefined };

describe("the start-up banner (issue 17)", () => {
  it("puts each sign-in on its own line", () => {
    const text = startupBanner({ ...base, now: Date.UTC(2026, 10, 24, 9, 0) });
    expect(text).toContain("\n  agent   maria@demo.baton / demo\n");
    expect(text).toContain("\n  admin   admin@demo.baton / admin\n");
    expect(text).not.toMatch(/console\/ +\(/);
  });

  it("says which teams are open now, when the others open, and how to try the live path out of hours", () => {
    // Tuesday 10:00 in Paris is 04:00 in New York: Billing is open, the New York teams are not.
    const tuesday = startupBanner({ ...base, now: Date.UTC(2026, 10, 24, 9, 0) });
    expect(tuesday).toMatch(/\n {2}open {5}Billing/);
    expect(tuesday).toMatch(/\n {2}closed {3}Technical support, opens Tuesday 8:00 AM \(New York\)/);
    expect(tuesday).toContain("BATON_HOURS=always-open npm start");

    const sunday = startupBanner({ ...base, now: Date.UTC(2026, 10, 29, 11, 0) });
    expect(sunday).not.toMatch(/\n {2}open /);
    expect(sunday).toContain("Every team is closed now: a chat that asks for a person is offered leave-a-message.");
    expect(sunday).toContain("To try the live handoff out of hours:  BATON_HOURS=always-open npm start");
  });
});
