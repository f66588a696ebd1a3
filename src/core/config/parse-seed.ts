import type { BatonConfig } from "./baton-config.js";
import { configError } from "./config-issue.js";
import { type Seed, seedSchema } from "./seed.schema.js";
import { parseYamlWith } from "./yaml-source.js";

/**
 * Parses and validates a seed file (agents with passwords, customers), with the same
 * "path (line N): message" errors as `parseConfig`.
 *
 * @throws DomainError("invalid_config") listing every problem.
 * @example
 * const { agents, customers } = parseSeed(readFileSync("config/demo-seed.yaml", "utf8"));
 */
export function parseSeed(yamlText: string, source = "demo-seed.yaml"): Seed {
  return parseYamlWith(seedSchema, yamlText, source);
}

/**
 * Cross-checks a parsed seed against the config: every agent's team is a configured team.
 *
 * @throws DomainError("invalid_config") with one issue per unknown team (paths, no lines).
 */
export function checkSeedAgainstConfig(seed: Seed, config: BatonConfig, source = "demo-seed.yaml"): void {
  const teams = new Set(config.teams.map((t) => t.id));
  const issues = seed.agents.flatMap((a, i) =>
    a.teams.flatMap((team, j) =>
      teams.has(team) ? [] : [{ path: `agents[${i}].teams[${j}]`, line: null, message: `team "${team}" is not in the config (teams: ${[...teams].join(", ")})` }],
    ),
  );
  (seed.canned ?? []).forEach((c, i) => {
    if (c.team !== undefined && !teams.has(c.team)) {
      issues.push({ path: `canned[${i}].team`, line: null, message: `team "${c.team}" is not in the config (teams: ${[...teams].join(", ")})` });
    }
  });
  if (issues.length > 0) throw configError(source, issues);
}
