import { DomainError } from "../core/errors.js";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { type BatonConfig, applyEnvOverrides, checkSeedAgainstConfig, parseConfig, parseSeed, type Seed } from "../core/config/index.js";

/**
 * Where the config file is: `--config <path>` (or `--config=<path>`) on the command line, else
 * `BATON_CONFIG`, else `config/baton.yaml` in the working directory. A deployment keeps its config
 * outside the code this way.
 *
 * @throws DomainError("invalid_config") when `--config` has no path after it.
 * @example
 * resolveConfigPath(["--config", "/etc/baton/baton.yaml"], process.env); // "/etc/baton/baton.yaml"
 */
export function resolveConfigPath(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg.startsWith("--config=")) return needPath(arg.slice("--config=".length));
    if (arg === "--config") return needPath(argv[i + 1] ?? "");
  }
  const fromEnv = env.BATON_CONFIG;
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : "config/baton.yaml";
}

function needPath(path: string): string {
  if (path === "" || path.startsWith("--")) {
    throw new DomainError("invalid_config", "--config needs a path: --config /etc/baton/baton.yaml", {
      issues: [{ path: "--config", line: null, message: "missing the file's path" }],
    });
  }
  return path;
}

/** Reads, validates and env-overrides the config file once at boot; fails fast with path/line errors. */
export async function loadConfig(path: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<BatonConfig> {
  return applyEnvOverrides(parseConfig(await readFile(path, "utf8"), path), env);
}

export async function loadSeed(path: string, config: BatonConfig): Promise<Seed> {
  const seed = parseSeed(await readFile(path, "utf8"), path);
  checkSeedAgainstConfig(seed, config, path);
  return seed;
}

/** Validates new config text before it replaces the file (admin edits). */
export async function saveConfigText(path: string, yaml: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<BatonConfig> {
  const config = applyEnvOverrides(parseConfig(yaml, path), env);
  // The previous version stays beside it, so a bad edit is one copy away from undone.
  await copyFile(path, `${path}.bak`);
  await writeFile(path, yaml, "utf8");
  return config;
}
