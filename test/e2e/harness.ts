import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { type Baton, type BatonOptions, startBaton } from "../../src/server/baton.js";

/** Chromium flags that work on these machines (closed network, root, no GPU). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The identity secret test Batons verify visitors' `userHash` with (see identifiedAs in test/integration/clients.ts). */
export const TEST_IDENTITY_SECRET = "test-identity-secret-0123456789";

/** The bearer token test Batons serve /metrics with. */
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789";

/**
 * A Baton on a fresh SQLite file with the demo seed, on a free port, serving web/dist. The test
 * identity secret and metrics token are always set; `options.env` adds to them.
 */
export async function startTestBaton(options: BatonOptions = {}): Promise<Baton & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "baton-e2e-"));
  const baton = await startBaton({
    port: 0,
    host: "127.0.0.1",
    storageUrl: `sqlite:${join(dir, "baton.db")}`,
    webRoot: resolve("web/dist"),
    nlu: { eldSize: "extrasmall" },
    logger: silentLogger,
    offlineGraceMs: 60_000,
    ...options,
    env: { BATON_IDENTITY_SECRET: TEST_IDENTITY_SECRET, BATON_METRICS_TOKEN: TEST_METRICS_TOKEN, ...options.env },
  });
  const close = baton.close.bind(baton);
  return Object.assign(baton, {
    dir,
    async close() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export const silentLogger = { info: () => {}, warn: () => {}, error: (obj: object, msg?: string) => console.error(msg, obj) };

/** Where tests save screenshots (git-ignored); a few are copied to docs/screenshots for the README. */
export const SCREENSHOT_DIR = resolve("screenshots");
