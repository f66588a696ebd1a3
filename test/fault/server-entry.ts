/**
 * A Baton process for the kill -9 fault test (test/integration/issue-12-kill.test.ts) and the flood
 * test: started as `node <bundle>` (see server-bundle.ts) with its own port and store, killed with SIGKILL
 * at random points and started again on the same store. Prints "READY <url>" once it listens.
 * Configuration comes from the environment: BATON_PORT, BATON_STORAGE_URL, BATON_SESSION_SECRET,
 * BATON_HOURS, and FAULT_OFFLINE_GRACE_MS (how long a returning agent has to reconnect).
 */
import { resolve } from "node:path";
import { startBaton } from "../../src/server/baton.js";

const baton = await startBaton({
  host: "127.0.0.1",
  webRoot: null,
  // The models from the working directory (the repository): this file may run bundled elsewhere (server-bundle.ts).
  nlu: { eldSize: "extrasmall", modelDir: resolve("models/nlu") },
  offlineGraceMs: Number(process.env.FAULT_OFFLINE_GRACE_MS ?? 10_000),
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
