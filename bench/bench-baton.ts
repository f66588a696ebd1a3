import { join } from "node:path";
import { type Baton, type BatonOptions, startBaton } from "../src/server/baton.js";
import { UNLIMITED_LIMITS } from "../src/server/rate-limits.js";

const quiet = { info: () => {}, warn: () => {}, error: (o: object, m?: string) => console.error(m, o) };

/**
 * One Baton on loopback for a bench: SQLite in `dir`, no seed data, no web pages, quiet logs, the
 * small language-ID database. Thousands of clients and every agent's sign-in come from this one
 * address, which is not what the abuse limits are for, so they are lifted. `options` adds to that.
 *
 * @example
 * const baton = await startBenchBaton(mkdtempSync(join(tmpdir(), "baton-bench-")), { env: {} });
 */
export function startBenchBaton(dir: string, options: BatonOptions): Promise<Baton> {
  return startBaton({
    security: { login: { perIpPerMinute: 100_000, perAccountPerMinute: 5 } },
    port: 0,
    host: "127.0.0.1",
    storageUrl: `sqlite:${join(dir, "baton.db")}`,
    seedPath: null,
    webRoot: null,
    logger: quiet,
    nlu: { eldSize: "extrasmall" },
    limits: UNLIMITED_LIMITS,
    ...options,
  });
}
