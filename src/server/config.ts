import { copyFile, readFile, writeFile } from "node:fs/promises";
import { type BatonConfig, applyEnvOverrides, checkSeedAgainstConfig, parseConfig, parseSeed, type Seed } from "../core/config/index.js";

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
