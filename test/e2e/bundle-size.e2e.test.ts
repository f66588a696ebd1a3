/**
 * Size budgets of what the browser downloads, computed from web/dist (run `npm run build:web`
 * first): the widget, which every page of a customer's site loads, under 35 kB gzipped; the
 * console's first load (its HTML and every script, preload and stylesheet it pulls in before any
 * click) under 150 kB gzipped. Sizes, not timings.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const DIST = resolve("web/dist");
if (!existsSync(join(DIST, "widget.js")) || !existsSync(join(DIST, "console/index.html"))) {
  throw new Error("web/dist is not built: run `npm run build:web` before the e2e tests");
}

const KB = 1000;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * The files a page loads before any interaction: the HTML, its scripts, module preloads and
 * stylesheets, and the chunks those scripts import statically (dynamic imports are left out).
 */
function firstLoad(htmlPath: string): string[] {
  const html = readFileSync(htmlPath, "utf8");
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g)]
    .filter((m) => /<script\b|rel="(?:modulepreload|stylesheet)"/.test(m[0]))
    .map((m) => m[1]!)
    .filter((u) => u.startsWith("/"))
    .map((u) => join(DIST, u));
  const files = new Set<string>([htmlPath]);
  const queue = [...refs];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith(".js")) continue;
    for (const m of readFileSync(file, "utf8").matchAll(/(?:^|[;\s}])(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(resolve(dirname(file), m[1]!));
    }
  }
  return [...files];
}

describe("bundle sizes (issue 17)", () => {
  it("keeps the widget under 35 kB gzipped", () => {
    const size = gz(join(DIST, "widget.js"));
    console.info(`widget.js: ${(size / KB).toFixed(1)} kB gzipped`);
    expect(size).toBeLessThan(35 * KB);
  });

  it("keeps the console's first load under 150 kB gzipped", () => {
    const files = firstLoad(join(DIST, "console/index.html"));
    expect(files.some((f) => /\/assets\/console-[^/]+\.js$/.test(f))).toBe(true);
    const sizes = files.map((f) => [f.slice(DIST.length + 1), gz(f)] as const);
    const total = sizes.reduce((sum, [, s]) => sum + s, 0);
    console.info(`console first load: ${(total / KB).toFixed(1)} kB gzipped (${sizes.map(([f, s]) => `${f} ${(s / KB).toFixed(1)}`).join(", ")})`);
    expect(total).toBeLessThan(150 * KB);
  });
});
