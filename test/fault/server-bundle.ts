import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

let built: Promise<string> | null = null;

/**
 * The fault tests' Baton process (test/fault/server-entry.ts) as one JavaScript file, built once
 * per test file with esbuild (packages stay external). Starting it is plain `node <file>`: no
 * TypeScript to load on every start, which the kill test does a dozen times (about a second of
 * CPU each, several seconds of wall time on a busy machine).
 *
 * @example
 * spawn(process.execPath, [await serverBundle()], { env });
 */
export function serverBundle(): Promise<string> {
  built ??= (async () => {
    // Inside the repository, so the bundle's imports of packages resolve to its node_modules.
    const dir = resolve(".baton", "fault-bundles", randomUUID());
    mkdirSync(dir, { recursive: true });
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, "server-entry.mjs");
    await build({
      entryPoints: ["test/fault/server-entry.ts"],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    return outfile;
  })();
  return built;
}
