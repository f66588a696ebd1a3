export type { BatonConfig, BucketConfig, ClusterConfig, LimitsConfig, SmtpConfig } from "./baton-config.js";
export { batonConfigSchema } from "./baton-config.schema.js";
export { type ConfigIssue, configError, formatPath } from "./config-issue.js";
export { applyEnvOverrides, ENV_VARIABLES } from "./env-overrides.js";
export { parseConfig } from "./parse-config.js";
export { checkSeedAgainstConfig, parseSeed } from "./parse-seed.js";
export type { Seed, SeedAgent } from "./seed.schema.js";
export type { IdentityConfig, SecurityConfig } from "./security.schema.js";
export { readYaml, toConfigIssues, type YamlSource } from "./yaml-source.js";
