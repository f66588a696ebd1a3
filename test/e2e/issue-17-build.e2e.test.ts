/**
 * `npm run build:web` (and so `npm start`) prints no warning: the demo page's classic
 * `<script src="/widget.js">` is marked vite-ignore (the widget is its own build). Built into a
 * temporary folder, so web/dist is untouched.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("issue 17: the web build", () => {
  const out = mkdtempSync(join(tmpdir(), "baton-build-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("builds the demo page, console and admin without a warning, and keeps the widget tag as written", async () => {
    const { stdout, stderr } = await run("npx", ["vite", "build", "--config", "web/vite.config.ts", "--outDir", out, "--emptyOutDir"], {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const output = `${stdout}\n${stderr}`;
    expect(output).toContain("built in");
    expect(output).not.toMatch(/can't be bundled|warn/i);
    const page = readFileSync(join(out, "index.html"), "utf8");
    expect(page).toMatch(/<script\s+src="\/widget\.js"/);
    expect(page).not.toContain("vite-ignore\n      src");
  }, 120_000);
});
