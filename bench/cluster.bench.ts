import { Redis } from "ioredis";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { NodeProcess, roundRobin, startInOrder } from "../test/integration/node-process.js";
import { freshPgDatabase, PG_URL, pgProblem } from "../test/integration/pg-database.js";
import { REDIS_URL, redisProblem, uniqueRedisPrefix } from "../test/integration/redis-server.js";
import { type BenchOptions, fmt, renderTable, type Stats, type SuiteResult, summarize, type Table } from "./bench-kit.js";

/**
 * The cluster, side by side with one node, on this machine: node PROCESSES (test/fault/server-entry.ts)
 * on fresh PostgreSQL databases; one node alone (no Redis) and three nodes (one Redis), both up at
 * once and measured in alternating blocks, the same visitors and agents spread over the nodes round robin. Measures end-to-end handoff latency
 * (a visitor's request for a human → the agent's console has the chat and its context) and
 * messages/s with persistence (each acked after commit). Then the two transports a follower could
 * send router commands over, Redis stream vs PostgreSQL LISTEN/NOTIFY, one round trip at a time.
 */

const SECRET = "cluster-bench-session-secret-0123456789";
const AGENTS = ["maria@demo.baton", "tom@demo.baton"];

function connect(url: string, nsp: string, token: string): Promise<Socket> {
  const socket = io(`${url}${nsp}`, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface RunResult {
  readonly nodes: number;
  readonly handoff: Stats;
  readonly messagesPerSecond: number;
  readonly missingHandoffs: number;
  readonly lost: number;
}

/** One cluster (or one node) with its agents online and its visitors connected, ready to measure. */
interface Rig {
  readonly nodes: number;
  readonly visitors: readonly { readonly socket: Socket; readonly conversationId: string }[];
  /** Visitor conversation id → when the request for a human left, and when an agent's console had it. */
  readonly sentAt: Map<string, number>;
  readonly received: Map<string, number>;
  readonly dbUrl: string;
  close(): Promise<void>;
}

async function startRig(n: number, visitors: number, opts: BenchOptions): Promise<Rig> {
  const db = await freshPgDatabase("bench");
  const keys = uniqueRedisPrefix("bench");
  const env: Record<string, string> = {
    BATON_STORAGE_URL: db.url,
    BATON_SESSION_SECRET: SECRET,
    BATON_HOURS: "always-open",
    BENCH_UNLIMITED: "1",
    ...(n > 1 ? { BATON_REDIS_URL: REDIS_URL, BATON_REDIS_PREFIX: keys.prefix } : {}),
  };
  const nodes: NodeProcess[] = [];
  const sockets: Socket[] = [];
  const close = async () => {
    for (const s of sockets) s.close();
    await Promise.all(nodes.map((node) => node.kill("SIGTERM")));
    await keys.drop();
    await db.drop();
  };
  try {
    for (let i = 0; i < n; i++) nodes.push(await NodeProcess.create(env));
    await startInOrder(nodes);
    const next = roundRobin(nodes.map((node) => node.url));
    const received = new Map<string, number>();
    for (const email of AGENTS) {
      const url = next();
      const { token } = await postJson<{ token: string }>(`${url}/api/agent/login`, { email, password: "demo" });
      const s = await connect(url, "/agent", token);
      s.on("conversation:assigned", (p: { context: { conversation: { id: string } } }) => received.set(p.context.conversation.id, performance.now()));
      sockets.push(s);
      await s.emitWithAck("cap:set", { cap: 50 });
      await s.emitWithAck("presence:set", { presence: "online" });
    }
    const vs: { socket: Socket; conversationId: string }[] = [];
    for (let i = 0; i < visitors; i++) {
      const url = next();
      const { token, conversationId } = await postJson<{ token: string; conversationId: string }>(`${url}/api/visitor/session`, {
        locale: "en-US",
        page: { url: "https://shop.example/billing", title: "Billing" },
      });
      const socket = await connect(url, "/visitor", token);
      sockets.push(socket);
      vs.push({ socket, conversationId });
    }
    opts.log(`cluster: ${n} node(s) up, ${visitors} visitors and ${AGENTS.length} agents connected`);
    return { nodes: n, visitors: vs, sentAt: new Map(), received, dbUrl: db.url, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Requests for a human from visitors [from, to) of a rig at a steady pace (below one node's
 * capacity on a shared 2-core machine: latency, not a backlog, is measured), then waits until
 * the agents' consoles have them all (or 30 s).
 */
async function handoffBlock(rig: Rig, from: number, to: number): Promise<void> {
  for (const v of rig.visitors.slice(from, to)) {
    rig.sentAt.set(v.conversationId, performance.now());
    v.socket.emit("message:send", { clientMessageId: `h-${v.conversationId}`, text: "I want to talk to a human about my invoice" }, () => {});
    await new Promise((r) => setTimeout(r, 80));
  }
  const deadline = performance.now() + 30_000;
  const ids = rig.visitors.slice(from, to).map((v) => v.conversationId);
  while (ids.some((id) => !rig.received.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** Every visitor sends `perVisitor` messages, each after the previous one's ack (stored and committed). */
async function messageRound(rig: Rig, round: number, perVisitor: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    rig.visitors.map(async (v, i) => {
      for (let k = 0; k < perVisitor; k++) {
        await v.socket.timeout(30_000).emitWithAck("message:send", { clientMessageId: `m-${round}-${i}-${k}`, text: `Message ${k} about my invoice` });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * One node and three nodes, measured side by side: both are started first, then handoffs go to
 * one and the other in alternating blocks of ten (and the message rounds alternate too), so the
 * noise of this shared machine falls on both alike instead of on whichever ran second.
 */
async function sideBySide(visitors: number, perVisitor: number, opts: BenchOptions): Promise<RunResult[]> {
  const rigs: Rig[] = [];
  try {
    rigs.push(await startRig(1, visitors, opts));
    rigs.push(await startRig(3, visitors, opts));
    opts.log(`cluster: handoffs in alternating blocks of 10 (1 node, 3 nodes, ...)`);
    for (let from = 0; from < visitors; from += 10) {
      for (const rig of from % 20 === 0 ? rigs : [...rigs].reverse()) await handoffBlock(rig, from, Math.min(visitors, from + 10));
    }
    opts.log(`cluster: messages, ${perVisitor} per visitor, in alternating rounds`);
    const seconds = rigs.map(() => 0);
    const rounds = 2;
    for (let round = 0; round < rounds; round++) {
      for (const [i, rig] of rigs.entries()) seconds[i] = (seconds[i] ?? 0) + (await messageRound(rig, round, perVisitor));
    }
    const results: RunResult[] = [];
    for (const [i, rig] of rigs.entries()) {
      const client = new pg.Client({ connectionString: rig.dbUrl });
      await client.connect();
      const stored = await client.query<{ n: string }>("select count(*) as n from messages where author = 'visitor'");
      await client.end();
      results.push({
        nodes: rig.nodes,
        handoff: summarize(`handoff ${rig.nodes}`, [...rig.sentAt].flatMap(([id, t]) => (rig.received.has(id) ? [((rig.received.get(id) as number) - t) * 1e6] : []))),
        messagesPerSecond: (visitors * perVisitor * rounds) / (seconds[i] ?? 1),
        missingHandoffs: visitors - rig.received.size,
        lost: visitors * (perVisitor * rounds + 1) - Number(stored.rows[0]?.n ?? 0),
      });
    }
    return results;
  } finally {
    for (const rig of rigs) await rig.close();
  }
}

/** One command round trip: Redis stream (XADD, a blocking XREAD reader, PUBLISH reply) vs PostgreSQL NOTIFY both ways. */
async function transports(rounds: number): Promise<{ redis: Stats; notify: Stats }> {
  const { prefix, drop } = uniqueRedisPrefix("transport");
  const stream = `${prefix}commands`;
  const writer = new Redis(REDIS_URL);
  const reader = new Redis(REDIS_URL);
  const sub = new Redis(REDIS_URL);
  const redisNs: number[] = [];
  try {
    let waiting: (() => void) | null = null;
    sub.on("message", () => waiting?.());
    await sub.subscribe(`${prefix}reply`);
    let running = true;
    const loop = (async () => {
      let last = "$";
      while (running) {
        const got = (await reader.xread("COUNT", 100, "BLOCK", 200, "STREAMS", stream, last)) as [string, [string, string[]][]][] | null;
        for (const [, entries] of got ?? []) {
          for (const [id] of entries) {
            last = id;
            await writer.publish(`${prefix}reply`, id);
          }
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const replied = new Promise<void>((r) => {
        waiting = r;
      });
      await writer.xadd(stream, "*", "c", `{"n":${i}}`);
      await replied;
      redisNs.push((performance.now() - t) * 1e6);
    }
    running = false;
    await loop;
  } finally {
    writer.disconnect();
    reader.disconnect();
    sub.disconnect();
    await drop();
  }
  const leader = new pg.Client({ connectionString: PG_URL });
  const follower = new pg.Client({ connectionString: PG_URL });
  await leader.connect();
  await follower.connect();
  const channel = `baton_bench_${process.pid}`;
  const notifyNs: number[] = [];
  try {
    // The reply's own query may still be in flight when the last round ends and the client closes.
    leader.on("notification", (m) => void leader.query("select pg_notify($1, $2)", [`${channel}_reply`, m.payload ?? ""]).catch(() => {}));
    await leader.query(`listen ${channel}`);
    let waiting: (() => void) | null = null;
    follower.on("notification", () => waiting?.());
    await follower.query(`listen ${channel}_reply`);
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const replied = new Promise<void>((r) => {
        waiting = r;
      });
      await follower.query("select pg_notify($1, $2)", [channel, `{"n":${i}}`]);
      await replied;
      notifyNs.push((performance.now() - t) * 1e6);
    }
  } finally {
    await leader.end();
    await follower.end();
  }
  return { redis: summarize("redis stream", redisNs), notify: summarize("pg notify", notifyNs) };
}

export async function runClusterBench(opts: BenchOptions): Promise<SuiteResult> {
  const problems = [await pgProblem(), await redisProblem()].filter((p) => p !== null);
  if (problems.length > 0) {
    const note = `cluster suite not run: PostgreSQL (${PG_URL}) and Redis (${REDIS_URL}) are needed: ${problems.join("; ")}`;
    opts.log(note);
    return { suite: "cluster", ok: !process.env.CI, tables: [], notes: [note], data: {} };
  }
  const visitors = opts.quick ? 40 : 100;
  const perVisitor = opts.quick ? 3 : 5;
  const runs = await sideBySide(visitors, perVisitor, opts);
  const t = await transports(opts.quick ? 200 : 1000);
  const [one, three] = runs as [RunResult, RunResult];
  const tables: Table[] = [
    {
      title: `One node vs three (processes on this machine, PostgreSQL; Redis for three; ${visitors} visitors, 2 agents at cap 50)`,
      headers: ["nodes", "handoffs", "handoff p50 ms", "handoff p99 ms", "messages/s", "lost", "handoffs missing"],
      rows: runs.map((r) => [r.nodes, r.handoff.iterations, fmt(r.handoff.p50Us / 1000, 2), fmt(r.handoff.p99Us / 1000, 2), fmt(r.messagesPerSecond), r.lost, r.missingHandoffs]),
    },
    {
      title: "Router command round trip, one at a time (follower → leader → follower)",
      headers: ["transport", "round trips", "p50 ms", "p99 ms"],
      rows: [
        ["Redis stream (XADD, XREAD BLOCK, PUBLISH reply)", t.redis.iterations, fmt(t.redis.p50Us / 1000, 3), fmt(t.redis.p99Us / 1000, 3)],
        ["PostgreSQL NOTIFY / LISTEN both ways", t.notify.iterations, fmt(t.notify.p50Us / 1000, 3), fmt(t.notify.p99Us / 1000, 3)],
      ],
    },
  ];
  for (const table of tables) opts.log(`\n${renderTable(table)}`);
  const ratio = three.handoff.p99Us / one.handoff.p99Us;
  const notes = [
    `handoff p99, three nodes / one node: ${fmt(ratio, 2)}x (target: within 2x) — ${ratio <= 2 ? "met" : "MISSED"}`,
    `messages/s, three nodes / one node: ${fmt(three.messagesPerSecond / one.messagesPerSecond, 2)}x`,
  ];
  for (const n of notes) opts.log(n);
  return {
    suite: "cluster",
    ok: runs.every((r) => r.lost === 0 && r.missingHandoffs === 0),
    tables,
    notes,
    data: { runs, transports: t, p99Ratio: ratio },
  };
}
