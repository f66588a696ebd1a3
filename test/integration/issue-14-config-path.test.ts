import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./ports.js";

/**
 * Issue 14: Baton read config/baton.yaml from its working directory and nothing else. A
 * deployment keeps its config outside the code: `--config <path>` or `BATON_CONFIG`. Each case
 * starts the real entry point (src/server/main.ts) as a process and talks to it over HTTP.
 */

const dir = mkdtempSync(join(tmpdir(), "baton-config-path-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the shipped config on its own port and store, as a deployment would keep it. */
function configFile(name: string, port: number): string {
  const text = readFileSync("config/baton.yaml", "utf8")
    .replace(/^ {2}port: 3000$/m, `  port: ${port}`)
    .replace(/^ {2}url: sqlite:data\/baton\.db$/m, `  url: sqlite:${join(dir, `${name}.db`)}`);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

interface Run {
  readonly child: ChildProcess;
  out: string;
  err: string;
  readonly exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts", ...args], {
    env: { ...process.env, BATON_BOT_API_KEY: "config-path-test-bot-key-0123456789", BATON_PORT: "", BATON_STORAGE_URL: "", BATON_CONFIG: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const r: Run = { child, out: "", err: "", exited: new Promise((done) => child.once("exit", (code) => done(code))) };
  child.stdout?.on("data", (d: Buffer) => {
    r.out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    r.err += d.toString();
  });
  return r;
}

async function untilRunning(r: Run): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!r.out.includes("Baton is running")) {
    if (r.child.exitCode !== null) throw new Error(`Baton exited: ${r.err}`);
    if (Date.now() > deadline) throw new Error(`Baton did not start: ${r.err}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function stop(r: Run): Promise<void> {
  if (r.child.exitCode === null) r.child.kill("SIGTERM");
  await r.exited;
}

describe("issue 14: the config path", () => {
  it("--config <path> starts Baton with that file (its port and store), not config/baton.yaml", async () => {
    const port = await freePort();
    const file = configFile("flag", port);
    const r = run(["--config", file]);
    try {
      await untilRunning(r);
      expect(r.out).toContain(`localhost:${port}`);
      expect(r.out).toContain(file);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await stop(r);
    }
  }, 120_000);

  it("BATON_CONFIG names the file when there is no flag; --config=<path> wins over it", async () => {
    const [envPort, flagPort] = [await freePort(), await freePort()];
    const fromEnv = configFile("env", envPort);
    const r = run([], { BATON_CONFIG: fromEnv });
    try {
      await untilRunning(r);
      expect(r.out).toContain(`localhost:${envPort}`);
      expect((await fetch(`http://127.0.0.1:${envPort}/healthz`)).status).toBe(200);
    } finally {
      await stop(r);
    }
    const both = run([`--config=${configFile("both", flagPort)}`], { BATON_CONFIG: fromEnv });
    try {
      await untilRunning(both);
      expect(both.out).toContain(`localhost:${flagPort}`);
    } finally {
      await stop(both);
    }
  }, 180_000);

  it("a config path that does not exist, or --config without a path, stops Baton with a clear message", async () => {
    const missing = join(dir, "nowhere.yaml");
    const r = run(["--config", missing]);
    expect(await r.exited).toBe(1);
    expect(r.err).toContain("Baton could not start");
    expect(r.err).toContain(missing);
    const bare = run(["--config"]);
    expect(await bare.exited).toBe(1);
    expect(bare.err).toContain("--config needs a path");
  }, 60_000);
});
