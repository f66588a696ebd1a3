import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/adapters/storage/index.js";
import { NodeProcess } from "./node-process.js";
import { freshPgDatabase, IN_CI, pgProblem } from "./pg-database.js";

/**
 * Issue 12, the fault test: steady visitor traffic with requests for a human while the server
 * PROCESS is killed with SIGKILL at random points (at least 5 times) and started again on the same
 * store; clients retry what was not acknowledged. Then: acked messages lost 0, duplicates 0,
 * handoff requests never decided 0, queued chats lost 0, chats assigned to disconnected agents 0.
 * On SQLite and on a fresh PostgreSQL database (never skipped in CI).
 */

const problem = await pgProblem();
if (problem !== null && IN_CI) throw new Error(`PostgreSQL is needed in CI: ${problem}`);
if (problem !== null) console.warn(`[issue-12-kill] PostgreSQL part SKIPPED: ${problem}`);
const dialects = problem === null ? (["sqlite", "postgres"] as const) : (["sqlite"] as const);

const KILLS = 5;
const SECRET = "issue-12-kill-session-secret-0123456789";
const HUMAN = "Can I talk to a person please?";
/** Each visitor conversation: a greeting, a billing question, then a request for a human. */
const SCRIPT = ["Hello", "I have a question about my invoice", HUMAN] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  readonly conversationId: string;
  readonly clientMessageId: string;
  readonly text: string;
  acked: boolean;
}

/** A widget: a session over HTTP, then frames over a socket that reconnects; every send retried until acked. */
class Widget {
  socket: Socket | null = null;
  conversationId = "";
  token = "";
  constructor(private readonly url: string) {}

  async open(): Promise<void> {
    for (;;) {
      try {
        const res = await fetch(`${this.url}/api/visitor/session`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ locale: "en-US", page: { url: "https://shop.example/billing", title: "Billing" } }),
        });
        if (res.ok) {
          const s = (await res.json()) as { token: string; conversationId: string };
          this.token = s.token;
          this.conversationId = s.conversationId;
          this.socket?.close();
          this.socket = io(`${this.url}/visitor`, {
            auth: { token: s.token },
            transports: ["websocket"],
            reconnectionDelay: 100,
            reconnectionDelayMax: 300,
          });
          return;
        }
      } catch {
        // the server is down: try again
      }
      await sleep(150);
    }
  }

  async send(sent: Sent): Promise<void> {
    while (!sent.acked) {
      const socket = this.socket as Socket;
      try {
        const ack = (await socket.timeout(2500).emitWithAck("message:send", { clientMessageId: sent.clientMessageId, text: sent.text })) as { ok: boolean };
        if (ack.ok) sent.acked = true;
        else await sleep(150);
      } catch {
        await sleep(100); // no ack (killed meanwhile): retry the same client id
      }
    }
  }

  close(): void {
    this.socket?.close();
  }
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/agent/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

// The two stores side by side (concurrently): each test is mostly waiting for its server to come back.
describe("issue 12: kill -9 of the server process under traffic", () => {
  it.concurrent.each(dialects)(`%s: loses, doubles and forgets nothing over ${KILLS} kills`, async (dialect) => {
    let storageUrl: string;
    let dispose: () => Promise<void>;
    if (dialect === "postgres") {
      const db = await freshPgDatabase("kill");
      storageUrl = db.url;
      dispose = db.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "baton-kill-"));
      storageUrl = `sqlite:${join(dir, "baton.db")}`;
      dispose = async () => rmSync(dir, { recursive: true, force: true });
    }
    const server = await NodeProcess.create({
      BATON_STORAGE_URL: storageUrl,
      BATON_SESSION_SECRET: SECRET,
      BATON_HOURS: "always-open",
      FAULT_OFFLINE_GRACE_MS: "20000",
    });
    const widgets: Widget[] = [];
    const agents: Socket[] = [];
    try {
      await server.start();
      const agentTokens = await Promise.all([login(server.url, "maria@demo.baton", "demo"), login(server.url, "tom@demo.baton", "demo")]);
      for (const token of agentTokens) {
        const socket = io(`${server.url}/agent`, { auth: { token }, transports: ["websocket"], reconnectionDelay: 100, reconnectionDelayMax: 300 });
        await new Promise((r) => socket.once("connect", () => r(null)));
        const ack = (await socket.emitWithAck("presence:set", { presence: "online" })) as { ok: boolean };
        expect(ack.ok).toBe(true);
        agents.push(socket);
      }

      const sent: Sent[] = [];
      let stopping = false;
      const visitorLoop = async (n: number): Promise<void> => {
        let round = 0;
        while (!stopping) {
          const w = new Widget(server.url);
          widgets.push(w);
          await w.open();
          for (const [i, text] of SCRIPT.entries()) {
            const s: Sent = { conversationId: w.conversationId, clientMessageId: `v${n}-r${round}-${i}`, text, acked: false };
            sent.push(s);
            await w.send(s);
            await sleep(20 + Math.random() * 80);
          }
          w.close();
          round++;
        }
      };
      const loops = Array.from({ length: 4 }, (_, n) => visitorLoop(n));

      const killedAt: number[] = [];
      const humanRequests = () => sent.filter((s) => s.text === HUMAN).length;
      for (let k = 0; k < KILLS; k++) {
        const before = humanRequests();
        const wait = 200 + Math.random() * 1000; // a random point: mid-restart, mid-reconnect or mid-burst
        killedAt.push(Math.round(wait));
        await sleep(wait);
        // Each kill lands on traffic that holds a request for a human sent since the last one (on a busy
        // machine the widgets' reconnects can take longer than the random wait).
        for (let waited = 0; humanRequests() === before && waited < 30_000; waited += 50) await sleep(50);
        await server.kill();
        await server.start();
      }
      await sleep(500);
      stopping = true;
      await Promise.all(loops);

      // Quiet now: agents are back, every send acknowledged. Compare what the router holds with the store.
      await sleep(1000);
      const adminToken = await login(server.url, "admin@demo.baton", "admin");
      const queue = (await (await fetch(`${server.url}/api/agent/queue`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { conversationId: string }[];
      await server.kill("SIGTERM");

      const store = await openStore(storageUrl);
      try {
        const ours = new Set(sent.map((s) => s.conversationId));
        const acked = sent.filter((s) => s.acked);
        expect(acked.length, "every send was acknowledged in the end").toBe(sent.length);
        const lost: string[] = [];
        const duplicates: string[] = [];
        const undecided: string[] = [];
        const queuedLost: string[] = [];
        const onEmptyDesk: string[] = [];
        const connectedAgents = new Set(["maria", "tom"]);
        const queuedInRouter = new Set(queue.map((q) => q.conversationId));
        for (const id of ours) {
          const messages = await store.conversations.listMessages(id);
          const mine = sent.filter((s) => s.conversationId === id);
          const visitorMessages = messages.filter((m) => m.author === "visitor");
          for (const s of mine) {
            if (!visitorMessages.some((m) => m.clientMessageId === s.clientMessageId && m.text === s.text)) lost.push(s.clientMessageId);
          }
          if (visitorMessages.length !== new Set(visitorMessages.map((m) => m.clientMessageId)).size || visitorMessages.length !== mine.length) {
            duplicates.push(id);
          }
          const handoffs = await store.conversations.listHandoffs(id);
          if (handoffs.length > 1) duplicates.push(`${id} (handoffs: ${handoffs.length})`);
          const c = await store.conversations.getConversation(id);
          if (mine.some((s) => s.text === HUMAN && s.acked) && (handoffs.length === 0 || c?.state === "bot")) undecided.push(id);
          if ((c?.state === "queued" || c?.state === "offered") && !queuedInRouter.has(id)) queuedLost.push(id);
          if (c?.state === "assigned" && !connectedAgents.has(c.assignedAgentId ?? "")) onEmptyDesk.push(id);
        }
        expect(await store.conversations.listUndecided({}), "outbox empty").toEqual([]);
        const report = { kills: killedAt, conversations: ours.size, messages: sent.length, handoffRequests: sent.filter((s) => s.text === HUMAN).length };
        expect({ report, lost, duplicates, undecided, queuedLost, onEmptyDesk }).toEqual({ report, lost: [], duplicates: [], undecided: [], queuedLost: [], onEmptyDesk: [] });
        expect(report.handoffRequests).toBeGreaterThanOrEqual(KILLS);
      } finally {
        await store.close();
      }
    } finally {
      for (const w of widgets) w.close();
      for (const a of agents) a.close();
      await server.kill();
      await dispose();
    }
  }, 240_000);
});
