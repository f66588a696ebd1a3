import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * src/core is pure: time comes in as an argument, randomness as a seed, and no I/O.
 * Imports are policed by Biome's noRestrictedImports (biome.json); this catches the globals.
 */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "Date.now() reads the clock"],
  [/\bnew Date\s*\(\s*\)/, "new Date() reads the clock"],
  [/\bperformance\.now\s*\(/, "performance.now() reads the clock"],
  [/\bMath\.random\s*\(/, "Math.random() is hidden randomness"],
  [/\bset(Timeout|Interval|Immediate)\s*\(/, "timers belong in an adapter"],
  [/\bprocess\./, "process is I/O"],
  [/\brequire\s*\(/, "no dynamic requires"],
  [/\bimport\s*\(/, "no dynamic imports"],
  [/\bfetch\s*\(/, "fetch is I/O"],
  [/\bDateTime\.(now|local)\s*\(/, "luxon's now() reads the clock"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("src/core purity", () => {
  const sources = files(join(import.meta.dirname, "..", "src", "core"));

  it("has sources to check", () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  it.each(sources)("%s reads no clock, randomness or I/O", (file) => {
    const text = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    const found = FORBIDDEN.filter(([re]) => re.test(text)).map(([, why]) => why);
    expect(found).toEqual([]);
  });
});
