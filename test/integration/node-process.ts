import { type ChildProcess, spawn } from "node:child_process";
import { serverBundle } from "../fault/server-bundle.js";
import { freePort } from "./ports.js";

/**
 * One Baton server process (test/fault/server-entry.ts) on a port of its own, started, stopped
 * and killed (SIGKILL) at will. Its stdout lines are kept: the entry prints READY, and in a
 * cluster LEADER <epoch> <ms> when it becomes the router leader and DECIDED <ms> on its first
 * routing decision as leader.
 */
export class NodeProcess {
  private child: ChildProcess | null = null;
  stderr = "";
  lines: string[] = [];

  private constructor(
    readonly port: number,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  static async create(env: Readonly<Record<string, string>>): Promise<NodeProcess> {
    return new NodeProcess(await freePort(), env);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  async start(): Promise<void> {
    // One esbuild bundle per test file: no TypeScript to load on each of the many starts.
    const child = spawn(process.execPath, [await serverBundle()], {
      env: { ...process.env, ...this.env, BATON_PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stderr?.on("data", (d: Buffer) => {
      this.stderr += d.toString();
    });
    let partial = "";
    child.stdout?.on("data", (d: Buffer) => {
      partial += d.toString();
      const parts = partial.split("\n");
      partial = parts.pop() ?? "";
      this.lines.push(...parts);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${this.stderr}`)), 120_000);
      const poll = setInterval(() => {
        if (this.lines.some((l) => l.startsWith("READY"))) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 50);
      child.once("exit", (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${this.stderr}`));
      });
    });
  }

  /** Lines printed since `from` that start with `word`. */
  printed(word: string, from = 0): string[] {
    return this.lines.slice(from).filter((l) => l.startsWith(`${word} `));
  }

  /** The exit code once the process ends by itself (null: by a signal); rejects if it still runs after `ms`. */
  exited(ms: number): Promise<number | null> {
    const child = this.child;
    if (child === null) return Promise.reject(new Error("not started"));
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
      child.once("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

/**
 * Hands out the nodes' URLs in turn, the way a load balancer spreads clients.
 *
 * @example
 * const next = roundRobin(nodes.map((n) => n.url));
 * const v = await visitor(next());
 */
export function roundRobin(urls: readonly string[], start = 0): () => string {
  let i = start;
  return () => urls[i++ % urls.length] as string;
}

/**
 * Starts a cluster's node processes: the first alone (it loads the demo data into the empty
 * database and becomes the router leader), then the others together.
 */
export async function startInOrder(nodes: readonly NodeProcess[]): Promise<void> {
  await nodes[0]?.start();
  await Promise.all(nodes.slice(1).map((node) => node.start()));
}
