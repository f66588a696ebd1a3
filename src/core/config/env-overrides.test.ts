import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import type { ConfigIssue } from "./config-issue.js";
import { isOpen } from "../hours/index.js";
import type { Team } from "../model.js";
import { applyEnvOverrides, parseConfig } from "./index.js";

const BASE = `
teams:
  - id: support
    calendar: { timeZone: UTC, weekly: [{ day: 1, start: "09:00", end: "17:00" }] }
rules:
  - id: general
    slaSeconds: 60
`;
const config = parseConfig(BASE);
const withSmtp = parseConfig(`${BASE}smtp: { host: mail.example, from: "Support <s@example.com>", user: u, pass: p }\n`);

function issuesOf(fn: () => unknown): readonly ConfigIssue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return ((e as DomainError).details?.issues ?? []) as ConfigIssue[];
  }
  throw new Error("expected a config error");
}

describe("applyEnvOverrides", () => {
  it("opens every team around the clock with BATON_HOURS=always-open, and refuses other values", () => {
    const sunday = Date.UTC(2026, 10, 29, 3, 0);
    expect(isOpen((config.teams[0] as Team).calendar, sunday)).toBe(false);
    const open = applyEnvOverrides(config, { BATON_HOURS: "always-open" });
    expect(isOpen((open.teams[0] as Team).calendar, sunday)).toBe(true);
    expect((open.teams[0] as Team).calendar.timeZone).toBe("UTC");
    expect(applyEnvOverrides(config, { BATON_HOURS: "config" })).toEqual(config);
    expect(issuesOf(() => applyEnvOverrides(config, { BATON_HOURS: "24/7" }))).toEqual([
      { path: "BATON_HOURS", line: null, message: 'either "config" or "always-open"' },
    ]);
  });

  it("changes nothing without variables, and treats empty ones as unset", () => {
    expect(applyEnvOverrides(config, {})).toEqual(config);
    expect(applyEnvOverrides(config, { BATON_PORT: "", BATON_SMTP_HOST: "" })).toEqual(config);
  });

  it("overrides server and storage settings", () => {
    const got = applyEnvOverrides(config, {
      BATON_PORT: "8080",
      BATON_HOST: "0.0.0.0",
      BATON_PUBLIC_URL: "https://chat.example.com",
      BATON_SESSION_SECRET: "0123456789abcdef0123",
      BATON_STORAGE_URL: "postgres://baton@db/baton",
    });
    expect(got.server).toEqual({ port: 8080, host: "0.0.0.0", publicUrl: "https://chat.example.com", sessionSecret: "0123456789abcdef0123", trustProxy: false });
    expect(got.storage.url).toBe("postgres://baton@db/baton");
    expect(config.server.port).toBe(3000); // input untouched
  });

  it("overrides single SMTP fields over the file", () => {
    const got = applyEnvOverrides(withSmtp, { BATON_SMTP_PASS: "secret", BATON_SMTP_PORT: "465", BATON_SMTP_SECURE: "true" });
    expect(got.smtp).toEqual({ host: "mail.example", from: "Support <s@example.com>", user: "u", pass: "secret", port: 465, secure: true });
  });

  it("builds SMTP from the environment alone when host and from are given", () => {
    const got = applyEnvOverrides(config, { BATON_SMTP_HOST: "smtp.example", BATON_SMTP_FROM: "help@example.com" });
    expect(got.smtp).toEqual({ host: "smtp.example", from: "help@example.com", port: 587, secure: false, user: undefined, pass: undefined });
    expect(issuesOf(() => applyEnvOverrides(config, { BATON_SMTP_USER: "u" })).map((i) => i.path)).toEqual(["BATON_SMTP_HOST"]);
    expect(issuesOf(() => applyEnvOverrides(config, { BATON_SMTP_HOST: "h" })).map((i) => i.path)).toEqual(["BATON_SMTP_FROM"]);
  });

  it("BATON_REDIS_URL turns the cluster on (defaults for the rest), only over PostgreSQL storage", () => {
    expect(config.cluster).toBeNull();
    const pgUrl = "postgres://baton@db/baton";
    const on = applyEnvOverrides(config, { BATON_STORAGE_URL: pgUrl, BATON_REDIS_URL: "redis://cache:6379/0", BATON_REDIS_PREFIX: "acme:" });
    expect(on.cluster).toEqual({ redisUrl: "redis://cache:6379/0", keyPrefix: "acme:", heartbeatMs: 1000, streamMaxLen: 100_000, commandStreamMaxLen: 100_000, leaderLeaseMs: 10_000 });
    expect(issuesOf(() => applyEnvOverrides(config, { BATON_REDIS_URL: "redis://cache:6379" })).map((i) => i.path)).toEqual(["BATON_REDIS_URL"]);
    expect(issuesOf(() => applyEnvOverrides(config, { BATON_STORAGE_URL: pgUrl, BATON_REDIS_URL: "http://cache" })).map((i) => i.path)).toEqual(["BATON_REDIS_URL"]);
  });

  it("a cluster: section in the file needs PostgreSQL storage", () => {
    const clustered = `${BASE}cluster: { redisUrl: "redis://cache:6379" }\n`;
    expect(issuesOf(() => parseConfig(clustered)).map((i) => i.path)).toEqual(["cluster"]);
    const ok = parseConfig(`${clustered}storage: { url: "postgres://baton@db/baton" }\n`);
    expect(ok.cluster?.keyPrefix).toBe("baton:");
  });

  it("validates every variable and reports them all", () => {
    const issues = issuesOf(() =>
      applyEnvOverrides(config, {
        BATON_PORT: "eighty",
        BATON_SMTP_PORT: "70000",
        BATON_PUBLIC_URL: "not a url",
        BATON_STORAGE_URL: "mysql://x",
        BATON_SESSION_SECRET: "short",
        BATON_SMTP_SECURE: "yes",
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      "BATON_PORT",
      "BATON_PUBLIC_URL",
      "BATON_SESSION_SECRET",
      "BATON_SMTP_PORT",
      "BATON_SMTP_SECURE",
      "BATON_STORAGE_URL",
    ]);
    expect(issues.every((i) => i.line === null)).toBe(true);
  });

  it("takes each external bot's secret from BATON_BOT_SECRET_<ID>, and needs one from somewhere", () => {
    const bots = parseConfig(`${BASE}bots:\n  external:\n    - { id: shop-rasa, kind: rasa, url: "http://rasa:5005" }\n    - { id: hook, kind: webhook, url: "http://bot/hook", secret: from-the-file-0123456789 }\n`);
    const withEnv = applyEnvOverrides(bots, { BATON_BOT_SECRET_SHOP_RASA: "from-the-env-0123456789" });
    expect(withEnv.bots.external.map((b) => b.secret)).toEqual(["from-the-env-0123456789", "from-the-file-0123456789"]);
    expect(issuesOf(() => applyEnvOverrides(bots, {}))).toEqual([
      { path: "BATON_BOT_SECRET_SHOP_RASA", line: null, message: 'bot "shop-rasa" has no secret: set BATON_BOT_SECRET_SHOP_RASA (16+ characters) or bots.external[].secret' },
    ]);
    expect(issuesOf(() => applyEnvOverrides(bots, { BATON_BOT_SECRET_SHOP_RASA: "short" }))[0]?.message).toBe("needs at least 16 characters");
  });
});
