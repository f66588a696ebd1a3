import { describe, expect, it } from "vitest";
import { openStore } from "../../src/adapters/storage/index.js";
import { FailoverSocket } from "./failover-socket.js";
import { NodeProcess, roundRobin, startInOrder } from "./node-process.js";
import { freshPgDatabase, IN_CI, pgProblem } from "./pg-database.js";
import { REDIS_URL, redisProblem, uniqueRedisPrefix } from "./redis-server.js";

/**
 * Issue 14, the failover test: three node processes on one PostgreSQL and one Redis under steady
 * traffic (visitors asking for a human on every node, María and Tom taking and resolving chats),
 * while the router leader is killed with SIGKILL 3 times at random points and a follower once;
 * each killed node is started again. Clients behave like browsers behind a load balancer: cut
 * off, they connect to the next node and send again what was not acknowledged. Then: acked
 * messages lost 0, queued chats lost 0, agents over cap 0, handoffs never decided 0; and the
 * time from each leader kill to the new leader's first routing decision is reported.
 */

const problems = [await pgProblem(), await redisProblem()].filter((p) => p !== null);
if (problems.length > 0 && IN_CI) throw new Error(`PostgreSQL and Redis are needed in CI: ${problems.join("; ")}`);
if (problems.length > 0) console.warn(`[issue-14-failover] SKIPPED: ${problems.join("; ")}`);

const SECRET = "issue-14-failover-session-secret-0123456789";
const HUMAN = "Can I talk to a person please?";
const SCRIPT = ["Hello", "I have a question about my invoice", HUMAN] as const;
const CAPS: Readonly<Record<string, number>> = { maria: 3, tom: 4 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  readonly conversationId: string;
  readonly clientMessageId: string;
  readonly text: string;
  acked: boolean;
}

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T | null> {
  try {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null; // that node is down: the caller tries the next
  }
}

async function leaderOf(nodes: readonly NodeProcess[]): Promise<NodeProcess | null> {
  for (const n of nodes) {
    if (!n.running) continue;
    try {
      const h = (await (await fetch(`${n.url}/healthz`, { signal: AbortSignal.timeout(2000) })).json()) as { queued: number | null };
      if (h.queued !== null) return n;
    } catch {
      // down
    }
  }
  return null;
}

function p99(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN;
}

describe.skipIf(problems.length > 0)("issue 14: kill -9 of the router leader (and of a follower) under traffic", () => {
  it("loses no acked message and no queued chat, never puts an agent over cap, decides every handoff", async () => {
    const db = await freshPgDatabase("failover");
    const keys = uniqueRedisPrefix("failover");
    const env = {
      BATON_STORAGE_URL: db.url,
      BATON_SESSION_SECRET: SECRET,
      BATON_HOURS: "always-open",
      BATON_REDIS_URL: REDIS_URL,
      BATON_REDIS_PREFIX: keys.prefix,
      FAULT_OFFLINE_GRACE_MS: "20000",
    };
    const nodes = [await NodeProcess.create(env), await NodeProcess.create(env), await NodeProcess.create(env)];
    const urls = nodes.map((n) => n.url);
    const clients: FailoverSocket[] = [];
    await startInOrder(nodes);
    const store = await openStore(db.url);
    let stopping = false;
    try {
      // ---- agents: online on different nodes, resolving each chat a moment after it arrives
      for (const [i, email] of ["maria@demo.baton", "tom@demo.baton"].entries()) {
        const login = await post<{ token: string }>(urls[i] as string, "/api/agent/login", { email, password: "demo" });
        if (login === null) throw new Error(`login ${email}`);
        const c = new FailoverSocket(urls, "/agent", login.token, i);
        c.onConnect = () => c.call("presence:set", { presence: "online" }, 15_000);
        c.on("conversation:assigned", (p) => {
          const id = (p as { context: { conversation: { id: string } } }).context.conversation.id;
          void (async () => {
            await sleep(200 + Math.random() * 600);
            for (let tries = 0; tries < 20 && !stopping; tries++) {
              const ack = await c.call("resolve", { conversationId: id }).catch(() => null);
              if (ack !== null && (ack.ok || ack.error.code !== "unavailable")) return; // resolved, or no longer hers
              await sleep(300);
            }
          })();
        });
        clients.push(c);
        await c.connect();
      }

      // ---- agents over cap, watched in the store all along
      const overCap: string[] = [];
      const watch = (async () => {
        while (!stopping) {
          const held = await store.conversations.listConversations({ states: ["assigned", "offered"] });
          for (const [agentId, cap] of Object.entries(CAPS)) {
            const n = held.filter((c) => c.assignedAgentId === agentId).length;
            if (n > cap) overCap.push(`${agentId}: ${n} > ${cap}`);
          }
          await sleep(100);
        }
      })();

      // ---- visitors: on every node in turn, each message sent until acknowledged
      const sent: Sent[] = [];
      const next = roundRobin(urls);
      const visitorLoop = async (n: number): Promise<void> => {
        for (let round = 0; !stopping; round++) {
          let session: { token: string; conversationId: string } | null = null;
          while (session === null) {
            session = await post(next(), "/api/visitor/session", { locale: "en-US", page: { url: "https://shop.example/billing", title: "Billing" } });
            if (session === null) await sleep(150);
          }
          const w = new FailoverSocket(urls, "/visitor", session.token, n + round);
          clients.push(w);
          await w.connect();
          for (const [i, text] of SCRIPT.entries()) {
            const s: Sent = { conversationId: session.conversationId, clientMessageId: `v${n}-r${round}-${i}`, text, acked: false };
            sent.push(s);
            while (!s.acked) {
              const ack = await w.call("message:send", { clientMessageId: s.clientMessageId, text }).catch(() => null);
              if (ack?.ok === true) s.acked = true;
              else await sleep(150);
            }
            await sleep(20 + Math.random() * 80);
          }
          await sleep(300);
          w.close();
        }
      };
      const loops = Array.from({ length: 4 }, (_, n) => visitorLoop(n));

      // ---- kills: the leader 3 times and a follower once, at random points
      const plan: ("leader" | "follower")[] = ["leader", "leader", "leader"];
      plan.splice(Math.floor(Math.random() * 4), 0, "follower");
      const failovers: number[] = [];
      const elections: number[] = [];
      const restarts: Promise<void>[] = [];
      for (const target of plan) {
        await sleep(1500 + Math.random() * 2000);
        await Promise.all(restarts.splice(0));
        const leader = await leaderOf(nodes);
        if (leader === null) throw new Error("no leader before a kill");
        const victim = target === "leader" ? leader : (nodes.find((n) => n !== leader && n.running) as NodeProcess);
        const marks = nodes.map((n) => n.lines.length);
        const killedAt = Date.now();
        await victim.kill("SIGKILL");
        if (target === "leader") {
          // The first routing decision by whichever node leads next.
          let decided: number | null = null;
          while (decided === null && Date.now() - killedAt < 30_000) {
            const after = nodes.flatMap((n, i) => n.printed("DECIDED", n === victim ? n.lines.length : marks[i]).map((l) => Number(l.split(" ")[1])));
            decided = after.length > 0 ? Math.min(...after) : null;
            if (decided === null) await sleep(50);
          }
          failovers.push(decided === null ? Number.POSITIVE_INFINITY : decided - killedAt);
          const led = nodes.flatMap((n, i) => n.printed("LEADER", n === victim ? n.lines.length : marks[i]).map((l) => Number(l.split(" ")[2])));
          elections.push(led.length > 0 ? Math.min(...led) - killedAt : Number.POSITIVE_INFINITY);
        }
        restarts.push(victim.start());
      }
      await Promise.all(restarts);
      await sleep(1000);
      stopping = true;
      await Promise.all(loops);
      await watch;

      // ---- quiet now: compare what the leader's router holds with the store
      await sleep(1500);
      const leader = await leaderOf(nodes);
      const admin = await post<{ token: string }>((leader as NodeProcess).url, "/api/agent/login", { email: "admin@demo.baton", password: "admin" });
      const queue = (await (await fetch(`${(leader as NodeProcess).url}/api/agent/queue`, { headers: { authorization: `Bearer ${admin?.token}` } })).json()) as { conversationId: string }[];
      const queuedInRouter = new Set(queue.map((q) => q.conversationId));
      const ours = new Set(sent.map((s) => s.conversationId));
      const lost: string[] = [];
      const undecided: string[] = [];
      const queuedLost: string[] = [];
      for (const id of ours) {
        const visitorMessages = (await store.conversations.listMessages(id)).filter((m) => m.author === "visitor");
        const mine = sent.filter((s) => s.conversationId === id);
        for (const s of mine) if (s.acked && !visitorMessages.some((m) => m.clientMessageId === s.clientMessageId && m.text === s.text)) lost.push(s.clientMessageId);
        const handoffs = await store.conversations.listHandoffs(id);
        const c = await store.conversations.getConversation(id);
        if (mine.some((s) => s.text === HUMAN && s.acked) && (handoffs.length === 0 || c?.state === "bot")) undecided.push(id);
        if ((c?.state === "queued" || c?.state === "offered") && !queuedInRouter.has(id)) queuedLost.push(id);
      }
      const report = {
        kills: plan,
        conversations: ours.size,
        messages: sent.length,
        handoffRequests: sent.filter((s) => s.text === HUMAN && s.acked).length,
        killToLockMs: elections,
        killToFirstDecisionMs: failovers,
        p99Ms: p99(failovers),
      };
      console.log(`[issue-14-failover] ${JSON.stringify(report)}`);
      if (!failovers.every((ms) => Number.isFinite(ms))) {
        for (const n of nodes) console.log(n.port, n.lines.filter((l) => !l.startsWith("READY")).join(" | "), n.stderr.slice(-2000));
      }
      expect(sent.every((s) => s.acked), "every send acknowledged in the end").toBe(true);
      expect({ lost, queuedLost, overCap, undecided }).toEqual({ lost: [], queuedLost: [], overCap: [], undecided: [] });
      expect(await store.conversations.listUndecided({}), "outbox empty").toEqual([]);
      expect(report.handoffRequests).toBeGreaterThanOrEqual(plan.length);
      // Every leader kill was followed by a routing decision of a new leader (its time is reported above;
      // the target is p99 < 5 s, measured, not asserted, on a 2-core machine shared with other runs).
      expect(failovers.every((ms) => Number.isFinite(ms))).toBe(true);
    } finally {
      stopping = true;
      for (const c of clients) c.close();
      await Promise.all(nodes.map((n) => n.kill()));
      await store.close();
      await keys.drop();
      await db.drop();
    }
  }, 240_000);
});
