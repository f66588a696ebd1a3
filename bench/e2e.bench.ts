import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { setAgentPresence } from "../src/app/index.js";
import type { AgentProfile } from "../src/core/model.js";
import { hashPassword } from "../src/server/auth.js";
import { startBenchBaton } from "./bench-baton.js";
import { type BenchOptions, fmt, renderTable, type SuiteResult, summarize, type Table } from "./bench-kit.js";

/** Tuesday 10:00 in Paris, then real time flows: every demo team is open during the run. */
function openHoursClock(): { now(): number } {
  const base = Date.UTC(2026, 10, 24, 9, 0);
  const started = Date.now();
  return { now: () => base + (Date.now() - started) };
}

function connect(url: string, ns: string, token: string): Promise<Socket> {
  const socket = io(`${url}${ns}`, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}


/**
 * End to end on loopback, one node, SQLite: visitors ask for a human and we time until the
 * agent's console receives the handoff with its context; then visitors chat with their agents
 * as fast as acks allow, and every message must be stored exactly once.
 */

export async function runE2eBench(opts: BenchOptions): Promise<SuiteResult> {
  const visitors = opts.quick ? 200 : 2000;
  const agents = opts.quick ? 20 : 200;
  const perVisitor = opts.quick ? 3 : 5;
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-"));
  // Thousands of visitors from one address, chatting as fast as acks allow.
  const baton = await startBenchBaton(dir, { clock: openHoursClock(), env: {} });
  const sockets: Socket[] = [];
  try {
    opts.log(`e2e: ${agents} agents (cap ${Math.ceil(visitors / agents)}), ${visitors} visitors on ${baton.url}`);
    const hash = await hashPassword("bench");
    const cap = Math.ceil(visitors / agents);
    for (let i = 0; i < agents; i++) {
      const profile: AgentProfile = {
        id: `agent-${i}`,
        name: `Agent ${i}`,
        email: `agent-${i}@bench.baton`,
        role: "agent",
        teams: ["billing", "support", "technical", "sales", "support-intl"],
        skills: ["billing", "general", "technical", "presale", "vip"].map((skill, k) => ({ skill, proficiency: 1 + ((i + k) % 5) })),
        languages: ["en", "es", "fr", "de", "pt"],
        translationEnabled: true,
        senior: i % 5 === 0,
        cap,
      };
      await baton.store.agents.upsertAgent(profile, hash);
    }
    const received = new Map<string, number>();
    for (let i = 0; i < agents; i++) {
      const res = await fetch(`${baton.url}/api/agent/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `agent-${i}@bench.baton`, password: "bench" }),
      });
      const { token } = (await res.json()) as { token: string };
      const s = await connect(baton.url, "/agent", token);
      s.on("conversation:assigned", (p: { context: { conversation: { id: string } } }) => {
        received.set(p.context.conversation.id, performance.now());
      });
      sockets.push(s);
      await baton.engine.command(() => setAgentPresence(baton.engine, `agent-${i}`, "online"));
    }
    const vs: { socket: Socket; conversationId: string }[] = [];
    for (let i = 0; i < visitors; i++) {
      const res = await fetch(`${baton.url}/api/visitor/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ locale: "en-US", page: { url: "https://shop.example/", title: "Shop" } }),
      });
      const { token, conversationId } = (await res.json()) as { token: string; conversationId: string };
      const socket = await connect(baton.url, "/visitor", token);
      sockets.push(socket);
      vs.push({ socket, conversationId });
    }
    opts.log(`e2e: ${visitors} visitors connected; handoffs at a steady pace...`);
    // Handoffs, open loop at a fixed pace (not a burst): time from send to the agent receiving the context.
    const sentAt = new Map<string, number>();
    const paceMs = opts.quick ? 5 : 4;
    for (const v of vs) {
      sentAt.set(v.conversationId, performance.now());
      v.socket.emit("message:send", { clientMessageId: `h-${v.conversationId}`, text: "I want to talk to a human about my invoice" }, () => {});
      await new Promise((r) => setTimeout(r, paceMs));
    }
    const deadline = performance.now() + 60_000;
    while (received.size < visitors && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const handoffNs = [...sentAt].flatMap(([id, t]) => {
      const r = received.get(id);
      return r === undefined ? [] : [(r - t) * 1e6];
    });
    const handoff = summarize("handoff", handoffNs);
    // Throughput with persistence: every visitor sends messages back to back, each after the previous ack.
    opts.log(`e2e: ${received.size}/${visitors} handoffs received; messages with persistence...`);
    const started = performance.now();
    let acked = 0;
    await Promise.all(
      vs.map(async (v, i) => {
        for (let k = 0; k < perVisitor; k++) {
          const ack = (await v.socket.timeout(30_000).emitWithAck("message:send", { clientMessageId: `m-${i}-${k}`, text: `Message ${k} about my invoice` })) as { ok: boolean };
          if (ack.ok) acked++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    let stored = 0;
    for (const v of vs) stored += (await baton.store.conversations.listMessages(v.conversationId)).filter((m) => m.author === "visitor").length;
    const expected = visitors * (perVisitor + 1);
    const lost = expected - stored;
    const missingHandoffs = visitors - received.size;
    const tables: Table[] = [
      {
        title: `End to end on loopback (one node, SQLite, ${visitors} visitors, ${agents} agents)`,
        headers: ["measure", "count", "p50 ms", "p99 ms", "mean ms", "target"],
        rows: [
          ["visitor message → agent receives handoff", handoff.iterations, fmt(handoff.p50Us / 1000, 2), fmt(handoff.p99Us / 1000, 2), fmt(handoff.meanUs / 1000, 2), "p99 < 25 ms"],
        ],
      },
      {
        title: "Messages with persistence (each acked after commit)",
        headers: ["messages", "seconds", "messages/s", "stored", "lost", "handoffs missing"],
        rows: [[visitors * perVisitor, fmt(seconds, 2), fmt((visitors * perVisitor) / seconds), stored, lost, missingHandoffs]],
      },
    ];
    for (const t of tables) opts.log(`\n${renderTable(t)}`);
    const met = handoff.p99Us / 1000 < 25;
    const notes = [`target p99 < 25 ms: ${met ? "met" : "MISSED"} (${fmt(handoff.p99Us / 1000, 2)} ms)`, `lost: ${lost}, acked ${acked} of ${visitors * perVisitor}`];
    for (const n of notes) opts.log(n);
    return {
      suite: "e2e",
      ok: lost === 0 && missingHandoffs === 0,
      tables,
      notes,
      data: { handoff, messagesPerSecond: (visitors * perVisitor) / seconds, lost, missingHandoffs },
    };
  } finally {
    for (const s of sockets) s.close();
    await baton.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
