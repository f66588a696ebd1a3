import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type BatonConfig,
  type ConfigIssue,
  configError,
  parseConfig,
  parseSeed,
  readYaml,
  type Seed,
  toConfigIssues,
} from "../core/config/index.js";
import { buildRoster, type RosterAgent } from "./roster.js";
import { type Scenario, scenarioSchema } from "./scenario.schema.js";

/** A scenario with everything it refers to loaded and cross-checked. */
export interface ScenarioBundle {
  readonly scenario: Scenario;
  readonly config: BatonConfig;
  readonly roster: readonly RosterAgent[];
  /** The scenario's file name, for reports. */
  readonly source: string;
}

/**
 * Parses scenario text. `read(path)` returns the text of a file the scenario refers to
 * (config, seed), with the path as written in the scenario.
 *
 * @throws DomainError("invalid_config") listing every problem as "path (line N): message",
 *   e.g. "segments[2].csm (line 40): no roster agent "mara"".
 */
export function parseScenario(text: string, source: string, read: (path: string) => string): ScenarioBundle {
  const src = readYaml(text, source);
  const parsed = scenarioSchema.safeParse(src.data ?? undefined);
  if (!parsed.success) throw configError(source, toConfigIssues(parsed.error.issues, src));
  const scenario = parsed.data;
  const config = parseConfig(read(scenario.config), scenario.config);
  const seed: Seed | null = scenario.roster.seed === undefined ? null : parseSeed(read(scenario.roster.seed.file), scenario.roster.seed.file);
  const roster = buildRoster(scenario.roster, seed);

  const issues: ConfigIssue[] = [];
  const issue = (path: (string | number)[], message: string) =>
    issues.push({ path: path.reduce<string>((o, s) => (typeof s === "number" ? `${o}[${s}]` : o === "" ? s : `${o}.${s}`), ""), line: src.lineOf(path), message });
  const rules = new Set(config.rules.map((r) => r.id));
  for (const key of Object.keys(scenario.handle)) {
    if (key !== "default" && !rules.has(key)) issue(["handle", key], `no rule "${key}" in ${scenario.config} (rules: ${[...rules].join(", ")})`);
  }
  const teams = new Set(config.teams.map((t) => t.id));
  scenario.roster.groups.forEach((g, i) => {
    g.teams.forEach((t, j) => {
      if (!teams.has(t)) issue(["roster", "groups", i, "teams", j], `team "${t}" is not in ${scenario.config} (teams: ${[...teams].join(", ")})`);
    });
  });
  const ids = new Set<string>();
  for (const a of roster) {
    if (ids.has(a.profile.id)) issue(["roster"], `two roster agents are called "${a.profile.id}"`);
    ids.add(a.profile.id);
  }
  const segments = new Set<string>();
  scenario.segments.forEach((s, i) => {
    if (segments.has(s.id)) issue(["segments", i, "id"], `segment "${s.id}" is listed twice`);
    segments.add(s.id);
    if (s.csm !== null && !ids.has(s.csm)) issue(["segments", i, "csm"], `no roster agent "${s.csm}"`);
  });
  if (issues.length > 0) throw configError(source, issues);
  return { scenario, config, roster, source };
}

/**
 * Reads a scenario file; the config and seed paths inside it are relative to the file.
 *
 * @example
 * const bundle = loadScenario("config/scenarios/mixed-skill-day.yaml");
 */
export function loadScenario(path: string): ScenarioBundle {
  const dir = dirname(resolve(path));
  return parseScenario(readFileSync(path, "utf8"), path, (p) => readFileSync(resolve(dir, p), "utf8"));
}
