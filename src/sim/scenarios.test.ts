import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatTable } from "./format-table.js";
import { loadScenario, parseScenario } from "./load-scenario.js";
import { renderHtml } from "./render-html.js";
import { simulate } from "./simulate.js";

const DIR = join(import.meta.dirname, "..", "..", "config", "scenarios");
const shipped = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));
/** A short window of each scenario's busiest part, to keep the tests fast. */
const short = { durationHours: 0.25 } as const;

describe("shipped scenarios", () => {
  it("are the four the docs name", () => {
    expect(shipped.sort()).toEqual(["after-hours-night.yaml", "mixed-skill-day.yaml", "staffing-shortfall.yaml", "vip-surge.yaml"]);
  });

  it.each(shipped)("%s parses and runs (shortened)", (file) => {
    const bundle = loadScenario(join(DIR, file));
    const start = bundle.scenario.start.replace(/T\d\d:00$/, file === "after-hours-night.yaml" ? "T19:00" : "T10:00");
    const report = simulate(bundle, { ...short, start });
    expect(report.policies.map((p) => p.policy)).toEqual(["baton", "round-robin", "least-busy"]);
    const [baton] = report.policies;
    expect(baton!.offered).toBeGreaterThan(0);
    expect(baton!.live + baton!.async).toBe(baton!.offered);
    for (const p of report.policies) {
      expect(p.answered + p.abandoned).toBeLessThanOrEqual(p.live);
      expect(p.occupancy ?? 0).toBeLessThanOrEqual(1);
    }
    expect(formatTable(report)).toContain("erlang-c bound");
    expect(renderHtml(report)).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<\/html>\n$/);
  });
});

describe("determinism", () => {
  const bundle = loadScenario(join(DIR, "mixed-skill-day.yaml"));
  const opts = { durationHours: 0.2, start: "2026-03-10T14:00" };

  it("gives the identical report for the same seed", () => {
    expect(JSON.stringify(simulate(bundle, opts))).toBe(JSON.stringify(simulate(bundle, opts)));
  });

  it("gives a different report for a different seed", () => {
    const a = simulate(bundle, { ...opts, seed: 1 });
    const b = simulate(bundle, { ...opts, seed: 2 });
    expect(a.policies[0]!.offered).not.toBe(b.policies[0]!.offered);
    expect(JSON.stringify(a.policies)).not.toBe(JSON.stringify(b.policies));
  });

  it("feeds every policy the same traffic", () => {
    const r = simulate(bundle, opts);
    const [x, ...rest] = r.policies;
    for (const p of rest) expect([p.offered, p.async, p.live]).toEqual([x!.offered, x!.async, x!.live]);
  });
});

describe("scenario errors", () => {
  const text = readFileSync(join(DIR, "vip-surge.yaml"), "utf8");
  const read = (p: string) => readFileSync(join(DIR, p), "utf8");

  it("name the path and the line", () => {
    const bad = text.replace("durationHours: 12", "durationHours: -1").replace("csm: maria", "csm: mara");
    expect(() => parseScenario(bad, "vip-surge.yaml", read)).toThrow(/durationHours \(line \d+\): /);
    const unknownCsm = text.replace("csm: maria", "csm: mara");
    expect(() => parseScenario(unknownCsm, "vip-surge.yaml", read)).toThrow(/segments\[3\]\.csm \(line \d+\): no roster agent "mara"/);
    const badRule = text.replace("  billing: { meanSeconds: 300", "  billling: { meanSeconds: 300");
    expect(() => parseScenario(badRule, "vip-surge.yaml", read)).toThrow(/handle\.billling \(line \d+\): no rule "billling"/);
    const badProfile = text.replace("profile: [0, 0, 0, 0, 0, 0, 0.3, 0.6, 1.0, 1.1,", "profile: [0, 0, 0, 0, 0, 0.3, 0.6, 1.0, 1.1,");
    expect(() => parseScenario(badProfile, "vip-surge.yaml", read)).toThrow(/profile \(line \d+\): a daily profile has 24/);
  });
});
