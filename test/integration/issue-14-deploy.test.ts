import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { io, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { NodeProcess, startInOrder } from "./node-process.js";
import { freshPgDatabase, IN_CI, pgProblem } from "./pg-database.js";
import { freePort } from "./ports.js";
import { REDIS_URL, redisProblem, uniqueRedisPrefix } from "./redis-server.js";

/**
 * Issue 14: deploy/haproxy.cfg in front of three node processes, as the deploy README tells an
 * operator to run it. The file is used as written except its addresses (the compose file's
 * service names become this machine's ports; the listening port becomes a free one). Through it:
 * a chat is handed off and talked over by WebSocket clients; a polling-only client (no
 * WebSocket on its network) works thanks to the sticky cookie; then two of the three nodes are
 * killed with SIGKILL and the same chat goes on, both sides back through HAProxy.
 */

const execFileAsync = promisify(execFile);
async function haproxyProblem(): Promise<string | null> {
  try {
    await execFileAsync("haproxy", ["-v"]);
    return null;
  } catch (e) {
    return `haproxy is not installed (${(e as Error).message.split("\n")[0]})`;
  }
}

const problems = [await pgProblem(), await redisProblem(), await haproxyProblem()].filter((p) => p !== null);
if (problems.length > 0 && IN_CI) throw new Error(`PostgreSQL, Redis and HAProxy are needed in CI: ${problems.join("; ")}`);
if (problems.length > 0) console.warn(`[issue-14-deploy] SKIPPED: ${problems.join("; ")}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(50);
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A browser-like client: reconnects on its own (through the balancer), and records what it receives. */
function client(url: string, nsp: "/visitor" | "/agent", token: string, transports: ("websocket" | "polling")[]): { socket: Socket; got: { event: string; payload: unknown }[] } {
  const socket = io(`${url}${nsp}`, { auth: { token }, transports, withCredentials: true, reconnectionDelay: 200, reconnectionDelayMax: 1000 });
  const got: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => got.push({ event, payload }));
  return { socket, got };
}

const texts = (got: readonly { event: string; payload: unknown }[]): string[] => got.filter((e) => e.event === "message").map((e) => (e.payload as { text: string }).text);

describe.skipIf(problems.length > 0)("issue 14: deploy/haproxy.cfg in front of three nodes", () => {
  it("hands off and carries a chat through HAProxy, polling clients included, and keeps it going after two nodes are killed", async () => {
    const db = await freshPgDatabase("deploy");
    const keys = uniqueRedisPrefix("deploy");
    const env = {
      BATON_STORAGE_URL: db.url,
      BATON_SESSION_SECRET: "issue-14-deploy-session-secret-0123456789",
      BATON_HOURS: "always-open",
      BATON_REDIS_URL: REDIS_URL,
      BATON_REDIS_PREFIX: keys.prefix,
    };
    const nodes = [await NodeProcess.create(env), await NodeProcess.create(env), await NodeProcess.create(env)];
    const dir = await mkdtemp(join(tmpdir(), "baton-haproxy-"));
    const lbPort = await freePort();
    const sockets: Socket[] = [];
    let haproxy: ReturnType<typeof spawn> | null = null;
    try {
      await startInOrder(nodes);
      const written = await readFile("deploy/haproxy.cfg", "utf8");
      const cfg = written.replace("bind :8080", `bind 127.0.0.1:${lbPort}`).replace(/server baton-(\d) baton-\d:3000/g, (_m, n: string) => `server baton-${n} 127.0.0.1:${(nodes[Number(n) - 1] as NodeProcess).port}`);
      expect(cfg.match(/127\.0\.0\.1:\d+ check/g), "the three server lines").toHaveLength(3);
      const file = join(dir, "haproxy.cfg");
      await writeFile(file, cfg);
      await execFileAsync("haproxy", ["-c", "-q", "-f", file]);
      let haproxyLog = "";
      haproxy = spawn("haproxy", ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] });
      haproxy.stderr?.on("data", (d: Buffer) => {
        haproxyLog += d.toString();
      });
      const lb = `http://127.0.0.1:${lbPort}`;
      for (let i = 0; ; i++) {
        const ok = await fetch(`${lb}/healthz`).then((r) => r.ok, () => false);
        if (ok) break;
        if (i > 100) throw new Error(`HAProxy did not answer: ${haproxyLog}`);
        await sleep(100);
      }

      // Tom's console and a visitor's widget, both through HAProxy, over WebSocket.
      const tomLogin = await postJson<{ token: string }>(`${lb}/api/agent/login`, { email: "tom@demo.baton", password: "demo" });
      const tom = client(lb, "/agent", tomLogin.token, ["websocket"]);
      sockets.push(tom.socket);
      tom.socket.on("connect", () => void tom.socket.timeout(5000).emitWithAck("presence:set", { presence: "online" }).catch(() => undefined));
      const session = await postJson<{ token: string; conversationId: string }>(`${lb}/api/visitor/session`, { locale: "en-US", page: { url: "https://shop.example/billing", title: "Billing" } });
      const widget = client(lb, "/visitor", session.token, ["websocket"]);
      sockets.push(widget.socket);
      await until("both connected", () => tom.socket.connected && widget.socket.connected, 10_000);
      await sleep(300); // Tom's presence frame
      for (const [i, text] of ["I have a question about my invoice", "Can I talk to a person please?"].entries()) {
        const ack = (await widget.socket.timeout(10_000).emitWithAck("message:send", { clientMessageId: `w-${i}`, text })) as { ok: boolean };
        expect(ack.ok).toBe(true);
      }
      await until("Tom has the chat", () => tom.got.some((e) => e.event === "conversation:assigned"), 15_000);
      await tom.socket.timeout(5000).emitWithAck("message:send", { conversationId: session.conversationId, clientMessageId: "t-1", text: "Hi, Tom here." });
      await until("the visitor reads Tom", () => texts(widget.got).includes("Hi, Tom here."), 10_000);

      // A second visitor whose network allows no WebSocket: long-polling only, every request on one node thanks to the cookie.
      const polling = await postJson<{ token: string; conversationId: string }>(`${lb}/api/visitor/session`, { locale: "en-US", page: { url: "https://shop.example/", title: "Shop" } });
      const poller = client(lb, "/visitor", polling.token, ["polling"]);
      sockets.push(poller.socket);
      await until("the polling widget connected", () => poller.socket.connected, 10_000);
      for (let i = 0; i < 4; i++) {
        const ack = (await poller.socket.timeout(10_000).emitWithAck("message:send", { clientMessageId: `p-${i}`, text: `Question ${i} about delivery times` })) as { ok: boolean };
        expect(ack.ok).toBe(true);
      }
      await until("the polling widget hears the bot", () => poller.got.some((e) => e.event === "message" && (e.payload as { author: string }).author === "bot"), 10_000);
      expect(poller.got.filter((e) => e.event === "connect_error"), "no request of the session reached another node").toEqual([]);
      expect(poller.socket.io.engine.transport.name).toBe("polling");

      // Two of the three nodes die (the router leader, the first started, among them): whichever
      // node each client was on, both come back through HAProxy to the one left, and talk on.
      await Promise.all([nodes[0]?.kill("SIGKILL"), nodes[1]?.kill("SIGKILL")]);
      const ack = await (async () => {
        for (let tries = 0; tries < 100; tries++) {
          if (widget.socket.connected) {
            const a = (await widget.socket.timeout(5000).emitWithAck("message:send", { clientMessageId: "w-after", text: "Are you still there?" }).catch(() => null)) as { ok: boolean } | null;
            if (a?.ok === true) return a;
          }
          await sleep(200);
        }
        return null;
      })();
      expect(ack?.ok, "the visitor's message after the kills was accepted").toBe(true);
      await until("Tom reads the visitor after the kills", () => texts(tom.got).includes("Are you still there?"), 20_000);
      let sent = false;
      for (let tries = 0; tries < 50 && !sent; tries++) {
        const r = (await tom.socket.timeout(5000).emitWithAck("message:send", { conversationId: session.conversationId, clientMessageId: "t-after", text: "Still here, all good." }).catch(() => null)) as { ok: boolean } | null;
        sent = r?.ok === true;
        if (!sent) await sleep(200);
      }
      expect(sent).toBe(true);
      await until("the visitor reads Tom after the kills", () => texts(widget.got).includes("Still here, all good."), 20_000);
    } finally {
      for (const s of sockets) s.close();
      haproxy?.kill("SIGKILL");
      await Promise.all(nodes.map((n) => n.kill()));
      await rm(dir, { recursive: true, force: true });
      await keys.drop();
      await db.drop();
    }
  }, 120_000);
});
