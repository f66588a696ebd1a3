import type { BatonConfig } from "./baton-config.js";
import { batonConfigSchema, crossReferenceIssues } from "./baton-config.schema.js";
import { parseYamlWith } from "./yaml-source.js";

/**
 * Parses and validates the config file text. Every problem is reported at once, each with
 * its path and YAML line: syntax errors, type errors and cross-references (unknown teams,
 * duplicate ids) together.
 *
 * @throws DomainError("invalid_config", "baton.yaml is invalid (1 problem):\n  rules[2].slaSeconds (line 41): ...",
 *   { source, issues: [{ path, line, message }] })
 * @example
 * const config = parseConfig(readFileSync("config/baton.yaml", "utf8"));
 */
export function parseConfig(yamlText: string, source = "baton.yaml"): BatonConfig {
  return parseYamlWith(batonConfigSchema, yamlText, source, crossReferenceIssues);
}
