/**
 * A Baton process for the kill -9 fault test (test/integration/issue-12-kill.test.ts) and the flood
 * test: started as `node <bundle>` (see server-bundle.ts) with its own port and store, killed with SIGKILL
 * at random points and started again on the same store. Prints "READY <url>" once it listens.
 * Configuration comes from the environment: BATON_PORT, BATON_STORAGE_URL, BATON_SESSION_SECRET,
 * BATON_HOURS, and FAULT_OFFLINE_GRACE_MS (how long a returning agent has to reconnect); with
 * BATON_REDIS_URL and BATON_REDIS_PREFIX it is one node of a cluster (issue 14); BENCH_UNLIMITED=1
 * lifts the rate limits (the cluster bench's hundreds of clients from one address).
 */
import { resolve } from "node:path";
import { startBaton } from "../../src/server/baton.js";
import { UNLIMITED_LIMITS } from "../../src/server/rate-limits.js";


// A cluster node says when it becomes the router leader and when it first routes a chat as leader
// (the failover test measures the time from a kill to that decision).
let decidedSinceLeading = true;
let listening = false;
const baton = await startBaton({
  onLeading: (leadership, engine) => {
    decidedSinceLeading = false;
    process.stdout.write(`LEADER ${leadership.epoch} ${Date.now()}\n`);
    if (listening) return;
    listening = true;
    engine.effectListeners.push((effects) => {
      if (decidedSinceLeading || !effects.some((e) => e.kind === "assign" || e.kind === "offer")) return;
      decidedSinceLeading = true;
      process.stdout.write(`DECIDED ${Date.now()}\n`);
    });
  },
  host: "127.0.0.1",
  // The cluster bench: hundreds of clients from one address, not what the abuse limits are for.
  ...(process.env.BENCH_UNLIMITED === "1" ? { limits: UNLIMITED_LIMITS, security: { login: { perIpPerMinute: 100_000, perAccountPerMinute: 100 } } } : {}),
  webRoot: null,
  // The models from the working directory (the repository): this file may run bundled elsewhere (server-bundle.ts).
  nlu: { eldSize: "extrasmall", modelDir: resolve("models/nlu") },
  offlineGraceMs: Number(process.env.FAULT_OFFLINE_GRACE_MS ?? 10_000),
  ...(process.env.FAULT_ABANDON_AFTER_MS === undefined ? {} : { abandonAfterMs: Number(process.env.FAULT_ABANDON_AFTER_MS) }),
  logger: {
    info: () => {},
    warn: () => {},
    error: (obj: object, msg?: string) => process.stderr.write(`${msg ?? "error"} ${JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? v.stack : v))}\n`),
  },
});
process.stdout.write(`READY ${baton.url}\n`);
process.once("SIGTERM", () => {
  void baton.close().then(() => process.exit(0));
});
