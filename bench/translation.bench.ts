import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../test/integration/ports.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { createApertiumTranslator } from "../src/adapters/translate/index.js";
import { setAgentPresence } from "../src/app/index.js";
import type { AgentProfile } from "../src/core/model.js";
import type { Translator } from "../src/ports/translator.js";
import { hashPassword } from "../src/server/auth.js";
import { startBenchBaton } from "./bench-baton.js";
import { type BenchOptions, fmt, renderTable, type SuiteResult, summarize, type Table } from "./bench-kit.js";

/**
 * Machine translation on the message path (issue 15), with a real Apertium APY on loopback:
 * Spanish visitors chat with English-only translation agents. Per message: the translation's own
 * time (inside the Translator port) and the end-to-end time (visitor sends → agent's console
 * receives it translated; agent sends → visitor receives Spanish), and the translation's share
 * of it. Side by side in the same run, English visitors with the same agents (no translation).
 */

const SPANISH = [
  "Me cobraron dos veces este mes",
  "No encuentro la factura de octubre",
  "El cargo es de cuarenta euros",
  "¿Cuándo veré el reembolso en mi cuenta?",
  "Quiero cambiar mi forma de pago",
  "La tarjeta termina en cuatro dos uno",
];
const ENGLISH_REPLIES = ["I can see the double charge", "I will refund it today", "Thank you for waiting", "Your invoice is on its way"];


function connect(url: string, ns: string, token: string): Promise<Socket> {
  const socket = io(`${url}${ns}`, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function startApy(): Promise<{ url: string; child: ChildProcess } | null> {
  const port = await freePort();
  const child = spawn("apertium-apy", ["-p", String(port), "/usr/share/apertium/modes"], { env: { ...process.env, LC_ALL: "C.UTF-8" }, stdio: "ignore" });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(false));
    child.once("spawn", () => resolve(true));
  });
  if (!spawned) return null;
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/listPairs`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  return null;
}

/** The Translator port, timing every call (what the message path spends inside translation). */
function timed(inner: Translator, samples: { dir: string; ns: number }[]): Translator {
  return {
    name: inner.name,
    pairs: () => inner.pairs(),
    health: () => inner.health(),
    async translate(text, from, to) {
      const t0 = performance.now();
      try {
        return await inner.translate(text, from, to);
      } finally {
        samples.push({ dir: `${from}>${to}`, ns: (performance.now() - t0) * 1e6 });
      }
    },
  };
}

type Msg = { id: string; conversationId: string; author: string; text: string; translation?: { text: string | null }; translated?: { original: string } };

export async function runTranslationBench(opts: BenchOptions): Promise<SuiteResult> {
  const apy = await startApy();
  if (apy === null) {
    const note = "skipped: apertium-apy is not installed (apt-get install apertium-apy apertium-eng-spa; .ci/run does)";
    opts.log(`translation: ${note}`);
    return { suite: "translation", ok: true, tables: [], notes: [note], data: { skipped: true } };
  }
  const visitors = opts.quick ? 10 : 40;
  const perVisitor = opts.quick ? 4 : 8;
  const agents = opts.quick ? 5 : 20;
  const translateNs: { dir: string; ns: number }[] = [];
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-tr-"));
  const baton = await startBenchBaton(dir, {
    env: { BATON_HOURS: "always-open", BATON_TRANSLATION_PROVIDER: "apertium", BATON_TRANSLATION_URL: apy.url },
    translator: timed(createApertiumTranslator({ url: apy.url, timeoutMs: 5000 }), translateNs),
  });
  const sockets: Socket[] = [];
  try {
    const hash = await hashPassword("bench");
    const agentSockets = new Map<string, Socket>();
    const cap = Math.ceil((2 * visitors) / agents) + 1;
    for (let i = 0; i < agents; i++) {
      const profile: AgentProfile = {
        id: `agent-${i}`,
        name: `Agent ${i}`,
        email: `agent-${i}@bench.baton`,
        role: "agent",
        teams: ["billing", "support", "support-intl"],
        skills: [
          { skill: "billing", proficiency: 3 },
          { skill: "general", proficiency: 3 },
        ],
        languages: ["en"],
        translationEnabled: true,
        senior: false,
        cap,
      };
      await baton.store.agents.upsertAgent(profile, hash);
    }
    const assigned = new Map<string, string>();
    const arrivals: { msg: Msg; at: number }[] = [];
    for (let i = 0; i < agents; i++) {
      const res = await fetch(`${baton.url}/api/agent/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `agent-${i}@bench.baton`, password: "bench" }),
      });
      const { token } = (await res.json()) as { token: string };
      const s = await connect(baton.url, "/agent", token);
      s.on("conversation:assigned", (p: { context: { conversation: { id: string } } }) => assigned.set(p.context.conversation.id, `agent-${i}`));
      s.on("message", (m: Msg) => arrivals.push({ msg: m, at: performance.now() }));
      agentSockets.set(`agent-${i}`, s);
      sockets.push(s);
      await baton.engine.command(() => setAgentPresence(baton.engine, `agent-${i}`, "online"));
    }
    // Spanish visitors (through translation) and English ones (no translation), handed off alike.
    const vs: { socket: Socket; conversationId: string; spanish: boolean; got: { msg: Msg; at: number }[] }[] = [];
    for (let i = 0; i < 2 * visitors; i++) {
      const spanish = i % 2 === 0;
      const res = await fetch(`${baton.url}/api/visitor/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ locale: spanish ? "es-ES" : "en-US", page: { url: "https://shop.example/", title: "Shop" } }),
      });
      const { token, conversationId } = (await res.json()) as { token: string; conversationId: string };
      const socket = await connect(baton.url, "/visitor", token);
      const v = { socket, conversationId, spanish, got: [] as { msg: Msg; at: number }[] };
      socket.on("message", (m: Msg) => v.got.push({ msg: m, at: performance.now() }));
      sockets.push(socket);
      vs.push(v);
      await socket.timeout(10_000).emitWithAck("message:send", {
        clientMessageId: `h-${i}`,
        text: spanish ? "Quiero hablar con una persona sobre mi factura" : "I want to talk to a person about my invoice",
      });
    }
    const deadline = performance.now() + 60_000;
    while (assigned.size < vs.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500)); // transcripts translated, "joined" messages delivered
    translateNs.length = 0;
    opts.log(`translation: ${assigned.size}/${vs.length} chats assigned; ${perVisitor} messages each way per chat...`);

    let untranslated = 0;
    const inbound: { spanish: boolean; ns: number }[] = [];
    const outbound: { spanish: boolean; ns: number }[] = [];
    const waitFor = async <T>(find: () => T | undefined): Promise<T | undefined> => {
      const until = performance.now() + 15_000;
      for (;;) {
        const hit = find();
        if (hit !== undefined || performance.now() > until) return hit;
        await new Promise((r) => setTimeout(r, 1));
      }
    };
    await Promise.all(
      vs.map(async (v, i) => {
        const agentId = assigned.get(v.conversationId);
        const agent = agentId === undefined ? undefined : agentSockets.get(agentId);
        if (agent === undefined) return;
        for (let k = 0; k < perVisitor; k++) {
          const text = v.spanish ? `${SPANISH[k % SPANISH.length]} (${i}.${k})` : `Message ${k} about my invoice (${i}.${k})`;
          const t0 = performance.now();
          v.socket.emit("message:send", { clientMessageId: `v-${i}-${k}`, text }, () => {});
          const hit = await waitFor(() => arrivals.find((a) => a.msg.conversationId === v.conversationId && a.msg.text === text));
          if (hit !== undefined) inbound.push({ spanish: v.spanish, ns: (hit.at - t0) * 1e6 });
          if (hit !== undefined && v.spanish && hit.msg.translation?.text == null) untranslated++;
          const reply = `${ENGLISH_REPLIES[k % ENGLISH_REPLIES.length]} (${i}.${k})`;
          const t1 = performance.now();
          agent.emit("message:send", { conversationId: v.conversationId, clientMessageId: `a-${i}-${k}`, text: reply }, () => {});
          const back = await waitFor(() => v.got.find((g) => g.msg.author === "agent" && (g.msg.translated?.original ?? g.msg.text) === reply));
          if (back !== undefined) outbound.push({ spanish: v.spanish, ns: (back.at - t1) * 1e6 });
          if (back !== undefined && v.spanish && back.msg.translated === undefined) untranslated++;
        }
      }),
    );
    const tr = summarize("translate", translateNs.map((x) => x.ns));
    const trIn = summarize("translate es>en", translateNs.filter((x) => x.dir === "es>en").map((x) => x.ns));
    const trOut = summarize("translate en>es", translateNs.filter((x) => x.dir === "en>es").map((x) => x.ns));
    const inT = summarize("inbound translated", inbound.filter((x) => x.spanish).map((x) => x.ns));
    const inN = summarize("inbound untranslated", inbound.filter((x) => !x.spanish).map((x) => x.ns));
    const outT = summarize("outbound translated", outbound.filter((x) => x.spanish).map((x) => x.ns));
    const outN = summarize("outbound untranslated", outbound.filter((x) => !x.spanish).map((x) => x.ns));
    const ms = (us: number) => fmt(us / 1000, 2);
    const share = (t: typeof inT, e2e: typeof inT) => (e2e.meanUs === 0 ? 0 : t.meanUs / e2e.meanUs);
    const tables: Table[] = [
      {
        title: `Translation on the message path (Apertium APY on loopback, ${visitors} Spanish + ${visitors} English chats, ${agents} English agents)`,
        headers: ["measure", "count", "p50 ms", "p99 ms", "mean ms"],
        rows: [
          ["translation per message (inside the Translator port)", tr.iterations, ms(tr.p50Us), ms(tr.p99Us), ms(tr.meanUs)],
          ["  es→en", trIn.iterations, ms(trIn.p50Us), ms(trIn.p99Us), ms(trIn.meanUs)],
          ["  en→es", trOut.iterations, ms(trOut.p50Us), ms(trOut.p99Us), ms(trOut.meanUs)],
          ["visitor → agent, translated (es→en)", inT.iterations, ms(inT.p50Us), ms(inT.p99Us), ms(inT.meanUs)],
          ["visitor → agent, same language (en)", inN.iterations, ms(inN.p50Us), ms(inN.p99Us), ms(inN.meanUs)],
          ["agent → visitor, translated (en→es)", outT.iterations, ms(outT.p50Us), ms(outT.p99Us), ms(outT.meanUs)],
          ["agent → visitor, same language (en)", outN.iterations, ms(outN.p50Us), ms(outN.p99Us), ms(outN.meanUs)],
        ],
      },
      {
        title: "Translation's share of end-to-end time (mean translation of that direction / mean end-to-end of its translated messages)",
        headers: ["direction", "share", "translated / untranslated p50"],
        rows: [
          ["visitor → agent", `${fmt(100 * share(trIn, inT), 0)}%`, `${fmt(inN.p50Us === 0 ? 0 : inT.p50Us / inN.p50Us, 1)}x`],
          ["agent → visitor", `${fmt(100 * share(trOut, outT), 0)}%`, `${fmt(outN.p50Us === 0 ? 0 : outT.p50Us / outN.p50Us, 1)}x`],
        ],
      },
    ];
    for (const t of tables) opts.log(`\n${renderTable(t)}`);
    const expected = vs.length * perVisitor;
    const missing = 2 * expected - inbound.length - outbound.length;
    const timeoutMs = baton.engine.config.translation.timeoutMs;
    const notes = [
      `messages not delivered within 15 s: ${missing} of ${2 * expected}`,
      `Spanish-chat messages delivered untranslated (translator past translation.timeoutMs = ${timeoutMs} ms): ${untranslated} of ${expected}`,
      "APY runs one pipeline per pair by default: concurrent chats queue behind it (apertium-apy -i N allows N pipelines per pair)",
    ];
    for (const n of notes) opts.log(n);
    return {
      suite: "translation",
      ok: missing === 0,
      tables,
      notes,
      data: { untranslated, translate: tr, translateInbound: trIn, translateOutbound: trOut, inboundTranslated: inT, inboundUntranslated: inN, outboundTranslated: outT, outboundUntranslated: outN },
    };
  } finally {
    for (const s of sockets) s.close();
    await baton.close();
    apy.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
