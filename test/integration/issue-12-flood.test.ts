import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/adapters/storage/index.js";
import { serverBundle } from "../fault/server-bundle.js";
import { OPEN_PER_CONVERSATION } from "../../src/server/inbox-guard.js";
import { agent, type AgentClient, type VisitorClient, visitor } from "./clients.js";
import { freePort } from "./ports.js";

/**
 * Issue 12, seen 5: one anonymous socket stalled everyone (typing in a loop took /healthz to 13.7 s
 * and RSS up 440 MB; a message flood took agents' p99 from 7 ms to 1.8 s). One visitor socket now
 * floods at full speed (messages, typing, inbox items, transcript reads; reconnecting at once
 * whenever it is cut off) while an agent measures round trips of its own frames
 * (messages, and cap changes that take the router's serial lane). Asserted: the
 * agent's p99 under the flood is within 3x of its quiet p99 measured in the same run, the flooder
 * is told `rate_limited` with a retry-after and cut off, the buckets decide what is stored, and the
 * server's memory stays bounded.
 *
 * How the ratio is measured honestly on a shared two-core machine:
 * - The server and the flooder run as their own processes; the flooder at the lowest CPU priority
 *   (nice 19), so what is measured is the server's fairness, not the attacker's CPU taking one of
 *   the two cores (in a deployment the attacker's CPU is not the server's).
 * - Quiet and flooded blocks alternate (the flooder is paused with SIGSTOP and let go with SIGCONT),
 *   so both see the same machine load; 320 round trips each, so a p99 is the 4th-slowest sample,
 *   not the 2nd (with 120 samples, two unlucky scheduler slices made the ratio).
 * - The quiet baseline is floored at BASELINE_FLOOR_MS. Idle, the quiet p99 is 4-10 ms; 3x that is
 *   one or two scheduler time slices of the other jobs on the machine (Linux gives a busy process
 *   several ms at a time), which measures the machine, not Baton. The floor keeps the bound
 *   meaningful: the flood may add at most 60 ms to the agent's p99 when the machine is idle, and
 *   may not triple it when the machine is loaded. The failure this guards against (seen 5: 7 ms to
 *   1.8 s) is thirty times the bound; with the rate limits off, the same test measures a p99 in the
 *   hundreds of milliseconds (see the issue 12 notes in docs/ARCHITECTURE.md).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Round trips per condition (quiet, flooded), in BLOCKS alternating blocks. */
const SAMPLES = 320;
const BLOCKS = 8;
/** The quiet p99 used as the baseline is at least this (see above). */
const BASELINE_FLOOR_MS = 20;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D+/g, "") ?? 0) / 1024;
}

function p99(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}

describe("issue 12: one visitor's flood does not move an agent's p99", () => {
  let child: ChildProcess;
  let url: string;
  let dir: string;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "baton-flood-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [await serverBundle()], {
      env: {
        ...process.env,
        BATON_PORT: String(port),
        BATON_STORAGE_URL: `sqlite:${join(dir, "baton.db")}`,
        BATON_SESSION_SECRET: "issue-12-flood-session-secret-0123456789",
        BATON_HOURS: "always-open",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("server did not start")), 120_000);
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("READY")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
  }, 130_000);

  afterAll(async () => {
    for (const c of open) c.close();
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("limits the flooder with a clear error and cuts it off, keeps agents answered, stores only what the buckets allow, and bounds memory", async () => {
    const maria: AgentClient = await agent(url, "maria@demo.baton");
    open.push(maria);
    const customer: VisitorClient = await visitor(url);
    open.push(customer);
    await customer.say("Can I talk to a person about my invoice please?");
    await maria.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === customer.conversationId);

    let n = 0;
    const roundTrips = async (count: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        // Both lanes an agent's frames take: a message (the conversation's own lane) and a cap change (the router's serial lane).
        const ack =
          i % 2 === 0
            ? await maria.call("message:send", { conversationId: customer.conversationId, clientMessageId: `rt-${n++}`, text: "One moment please" })
            : await maria.call("cap:set", { cap: 5 });
        times.push(performance.now() - started);
        expect(ack.ok).toBe(true);
        await sleep(50); // a brisk agent, under the per-socket frame limit (20 a second)
      }
      return times;
    };

    await roundTrips(20); // warm up
    const rssBefore = rssMb(child.pid as number);

    // The flooder: its own process, one session. It is paused (SIGSTOP) for the quiet blocks and
    // let go (SIGCONT) for the flood blocks, which alternate, so both see the same machine.
    const session = (await (
      await fetch(`${url}/api/visitor/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale: "en-US" }) })
    ).json()) as { token: string; conversationId: string };
    const flooder = spawn("nice", ["-n", "19", process.execPath, "--import", "tsx", "test/fault/flooder.ts", url, session.token], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    flooder.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const flooderDone = new Promise((r) => flooder.once("exit", r));
    const floodStarted = performance.now();
    await sleep(1500);
    const quiet: number[] = [];
    const flooded: number[] = [];
    for (let block = 0; block < BLOCKS; block++) {
      flooder.kill("SIGSTOP");
      await sleep(200);
      quiet.push(...(await roundTrips(SAMPLES / BLOCKS)));
      flooder.kill("SIGCONT");
      await sleep(300);
      flooded.push(...(await roundTrips(SAMPLES / BLOCKS)));
    }
    const rssAfter = rssMb(child.pid as number);
    const floodSeconds = (performance.now() - floodStarted) / 1000;
    flooder.kill("SIGTERM");
    await flooderDone;
    const flood = JSON.parse(out) as { frames: number; reconnects: number; refusedAcks: number; notices: number; disconnectedNotices: number; firstNotice: unknown };

    const report = { quietP99: p99(quiet), floodP99: p99(flooded), ...flood, rssBefore, rssAfter };
    console.info(`[issue-12-flood] agent round trips: ${JSON.stringify(report)}`);
    expect(report.floodP99, JSON.stringify(report)).toBeLessThanOrEqual(3 * Math.max(report.quietP99, BASELINE_FLOOR_MS));
    expect(flooded).toHaveLength(SAMPLES);
    expect(flood.notices, JSON.stringify(report)).toBeGreaterThan(0);
    expect(flood.firstNotice).toMatchObject({ code: "rate_limited", retryAfterMs: expect.any(Number), message: expect.stringMatching(/try again/) });
    expect(flood.disconnectedNotices).toBeGreaterThan(0);
    expect(rssAfter - rssBefore, JSON.stringify(report)).toBeLessThan(150);

    // The flood stored only what the buckets let through (burst 5 + 1/s messages, burst 10 inbox items).
    const store = await openStore(`sqlite:${join(dir, "baton.db")}`);
    try {
      const stored = (await store.conversations.listMessages(session.conversationId)).filter((m) => m.author === "visitor");
      expect(stored.length).toBeLessThan(flood.frames / 10);
      expect(stored.length).toBeLessThanOrEqual(5 + Math.ceil(floodSeconds)); // burst 5, then 1 a second
      // One reply address and at most OPEN_PER_CONVERSATION messages waiting, whatever the flood sent.
      const inbox = await store.conversations.listInbox({ conversationId: session.conversationId });
      expect(inbox.length).toBeLessThanOrEqual(OPEN_PER_CONVERSATION);
      expect(new Set(inbox.map((i) => i.email)).size).toBeLessThanOrEqual(1);
    } finally {
      await store.close();
    }
  }, 150_000);
});
