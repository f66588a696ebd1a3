import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../integration/ports.js";

/** The Apertium APY that .ci/run starts (Debian's apertium-apy with the eng-spa, fr-es and es-pt pairs). */
export const APY_URL = process.env.BATON_TEST_APY_URL || "http://127.0.0.1:2737";

/** True under CI: a missing APY is then a failure, never a silent skip. */
export { IN_CI } from "../integration/pg-database.js";

/** Why APY cannot be used, or null when it lists its pairs. */
export async function apyProblem(url = APY_URL): Promise<string | null> {
  try {
    const res = await fetch(`${url}/listPairs`, { signal: AbortSignal.timeout(3000) });
    return res.ok ? null : `APY answered ${res.status}`;
  } catch (e) {
    return `APY at ${url} is not answering (${(e as Error).message}); .ci/run installs and starts it`;
  }
}

/** An APY of the test's own on a free port, to stop in the middle of a chat. */
export interface OwnApy {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `apertium-apy` on `port` (a free one when not given) and waits until it lists its pairs. */
export async function startOwnApy(port?: number): Promise<OwnApy & { readonly port: number }> {
  port ??= await freePort();
  const child: ChildProcess = spawn("apertium-apy", ["-p", String(port), "/usr/share/apertium/modes"], {
    env: { ...process.env, LC_ALL: "C.UTF-8" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && (await apyProblem(url)) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  const problem = await apyProblem(url);
  if (problem !== null) {
    child.kill("SIGKILL");
    throw new Error(`own APY did not start: ${problem}`);
  }
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
