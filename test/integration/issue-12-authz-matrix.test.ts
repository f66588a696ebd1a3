import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { resolveConversation } from "../../src/app/index.js";
import { loadConfig } from "../../src/server/config.js";
import { AgentFrames, VisitorFrames } from "../../src/server/protocol.js";
import { startTestBaton } from "../e2e/harness.js";
import { AGENT_FRAMES, HTTP, PRINCIPALS, type Principal, type Row, VISITOR_FRAMES } from "./authz-matrix.table.js";
import { agent, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const T = Date.UTC(2026, 10, 24, 9, 0);
const REFUSED_CODES = new Set(["unauthenticated", "forbidden", "not_assigned_to_you", "offer_not_found"]);

type Baton = Awaited<ReturnType<typeof startTestBaton>>;

interface Fixture {
  readonly conversationId: string;
  /** The first message of C (read marks). */
  readonly messageId: string;
  /** A billing chat waiting in the queue (María, at her cap, cannot get it; Ana may take it by hand). */
  readonly queuedId: string;
  readonly itemId: string;
  readonly tokens: Readonly<Record<Exclude<Principal, "anonymous" | "tampered" | "expired">, string>>;
  readonly tampered: { agent: string; visitor: string };
  readonly expired: { agent: string; visitor: string };
}

/** Changes a JWT's claims and keeps its old signature. */
function tamper(token: string, change: Record<string, unknown>): string {
  const [head, body, sig] = token.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
  return `${head}.${Buffer.from(JSON.stringify({ ...claims, ...change })).toString("base64url")}.${sig}`;
}

const isAllowed = (row: Row, p: Principal) => row.allowed === "everyone" || row.allowed.includes(p);

describe("issue 12: the authorization matrix", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-authz-"));
  const configPath = join(dir, "baton.yaml");
  copyFileSync("config/baton.yaml", configPath);
  const clock = new FakeClock(T);
  let baton: Baton;
  let fixture: Fixture;
  const closers: { close(): void }[] = [];

  async function build(): Promise<Fixture> {
    for (const c of closers.splice(0)) c.close();
    await baton.engine.command(async () => {
      for (const c of await baton.store.conversations.listConversations({ states: ["queued", "offered", "assigned"] })) {
        await resolveConversation(baton.engine, null, c.id);
      }
    });
    // Signed 25 hours ago: expired now.
    clock.set(T - 25 * 3600 * 1000);
    const oldAgent = await agent(baton.url, "admin@demo.baton", "admin", "offline");
    const oldVisitor = await visitor(baton.url);
    oldAgent.close();
    oldVisitor.close();
    clock.set(T);
    const maria = await agent(baton.url, "maria@demo.baton");
    // Online, with room, in another team (technical): refused billing chats by team and skill, not by presence or load.
    const priya = await agent(baton.url, "priya@demo.baton");
    const admin = await agent(baton.url, "admin@demo.baton", "admin", "offline");
    const v = await visitor(baton.url);
    const other = await visitor(baton.url);
    const waiting = await visitor(baton.url);
    closers.push(maria, priya, admin, v, other, waiting);
    expect((await maria.call("cap:set", { cap: 1 })).ok).toBe(true);
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === v.conversationId);
    // María is at her cap and no other billing agent is online: this one waits in the queue.
    await waiting.say("I want to talk to a human about my invoice");
    await waiting.waitFor("status", (s: { state: string }) => s.state === "queued");
    const itemId = `item-${Math.random().toString(36).slice(2)}`;
    await baton.store.conversations.createInboxItem({
      id: itemId,
      conversationId: v.conversationId,
      name: null,
      email: "v@example.com",
      text: "call me",
      promisedBy: T,
      reason: "no_agent",
      status: "open",
      reply: null,
      repliedBy: null,
      repliedAt: null,
      createdAt: T,
    });
    const messageId = (await baton.store.conversations.listMessages(v.conversationId))[0]?.id ?? "none";
    return {
      conversationId: v.conversationId,
      messageId,
      queuedId: waiting.conversationId,
      itemId,
      tokens: { visitor: v.token, otherVisitor: other.token, teamAgent: maria.token, otherTeamAgent: priya.token, admin: admin.token, bot: baton.botApiKey },
      tampered: { agent: tamper(maria.token, { agentId: "admin", sub: "admin" }), visitor: tamper(other.token, { conversationId: v.conversationId }) },
      expired: { agent: oldAgent.token, visitor: oldVisitor.token },
    };
  }

  const tokenOf = (p: Principal, kind: "agent" | "visitor"): string | undefined =>
    p === "anonymous" ? undefined : p === "tampered" ? fixture.tampered[kind] : p === "expired" ? fixture.expired[kind] : fixture.tokens[p];

  const fill = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}).replaceAll("$Q", fixture.queuedId).replaceAll("$C", fixture.conversationId).replaceAll("$ITEM", fixture.itemId).replaceAll("$M", fixture.messageId));

  async function httpAllowed(route: string, row: Row, p: Principal): Promise<boolean> {
    const [method, url] = route.split(" ") as [string, string];
    const path = (row.path ?? url).replace(":id", fixture.conversationId);
    const token = tokenOf(p, row.tokenKind ?? "agent");
    const res = await baton.http.inject({
      method: method as "GET",
      url: path,
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(row.body === undefined ? {} : { "content-type": "application/json" }) },
      ...(row.body === undefined ? {} : { payload: JSON.stringify(fill(row.body)) }),
      remoteAddress: `10.9.${PRINCIPALS.indexOf(p)}.1`,
    });
    expect(res.statusCode, `${route} as ${p}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    return res.statusCode !== 401 && res.statusCode !== 403;
  }

  async function frameAllowed(ns: "/visitor" | "/agent", frame: string, row: Row, p: Principal): Promise<boolean> {
    const token = tokenOf(p, ns === "/visitor" ? "visitor" : "agent");
    const socket = io(`${baton.url}${ns}`, { auth: token === undefined ? {} : { token }, transports: ["websocket"], reconnection: false });
    try {
      const connected = await new Promise<boolean>((resolve) => {
        socket.once("connect", () => resolve(true));
        socket.once("connect_error", () => resolve(false));
      });
      if (!connected) return false;
      const ack = (await socket.timeout(10_000).emitWithAck(frame, fill(row.body))) as { ok: boolean; error?: { code: string } };
      expect(ack.error?.code, `${ns} ${frame} as ${p}`).not.toBe("internal");
      return ack.ok || !REFUSED_CODES.has(ack.error?.code ?? "");
    } finally {
      socket.close();
    }
  }

  beforeAll(async () => {
    // Hundreds of sockets from one address: the connection limit would otherwise refuse them.
    const { limits } = await loadConfig(configPath, {});
    baton = await startTestBaton({
      limits: { ...limits, connections: { perSecond: 1000, burst: 10_000 }, sessions: { perSecond: 1000, burst: 10_000 }, inboxItems: { perSecond: 1000, burst: 10_000 } },
      clock,
      configPath,
      demoIdentity: true,
      security: { login: { perIpPerMinute: 10_000, perAccountPerMinute: 5 } },
    });
    fixture = await build();
  }, 60_000);
  afterAll(async () => {
    for (const c of closers.splice(0)) c.close();
    await baton?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has exactly one row for every HTTP route fastify registered", () => {
    const routes = (baton.http as unknown as { batonRoutes: { method: string; url: string }[] }).batonRoutes.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in HTTP)), "routes without a row in authz-matrix.table.ts").toEqual([]);
    expect(Object.keys(HTTP).filter((r) => !routes.includes(r)), "rows for routes that no longer exist").toEqual([]);
  });

  it("has exactly one row for every socket frame in protocol.ts", () => {
    expect(Object.keys(VisitorFrames).sort()).toEqual(Object.keys(VISITOR_FRAMES).sort());
    expect(Object.keys(AgentFrames).sort()).toEqual(Object.keys(AGENT_FRAMES).sort());
  });

  it("allows and refuses every HTTP route as the table says", async () => {
    const wrong: string[] = [];
    for (const [route, row] of Object.entries(HTTP)) {
      for (const p of PRINCIPALS) {
        const allowed = await httpAllowed(route, row, p);
        if (allowed !== isAllowed(row, p)) wrong.push(`${route} as ${p}: ${allowed ? "allowed" : "refused"}`);
        if (allowed && row.mutates) fixture = await build();
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it("allows and refuses every socket frame as the table says", async () => {
    const wrong: string[] = [];
    const frames = [
      ...Object.entries(VISITOR_FRAMES).map(([f, row]) => ["/visitor", f, row] as const),
      ...Object.entries(AGENT_FRAMES).map(([f, row]) => ["/agent", f, row] as const),
    ];
    for (const [ns, frame, row] of frames) {
      for (const p of PRINCIPALS) {
        const allowed = await frameAllowed(ns, frame, row, p);
        if (allowed !== isAllowed(row, p)) wrong.push(`${ns} ${frame} as ${p}: ${allowed ? "allowed" : "refused"}`);
        if (allowed && row.mutates) fixture = await build();
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it("queue:take: an agent who may serve the queued chat takes it; the table's refusals are not the chat's state", async () => {
    fixture = await build();
    // Ana (support-intl, billing skill) may serve Q once the billing rule widens to her team: she may take it by hand now.
    const ana = await agent(baton.url, "ana@demo.baton");
    closers.push(ana);
    const priya = await agent(baton.url, "priya@demo.baton");
    closers.push(priya);
    expect(await priya.call("queue:take", { conversationId: fixture.queuedId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await ana.call("queue:take", { conversationId: fixture.queuedId })).toMatchObject({ ok: true });
    expect((await baton.store.conversations.getConversation(fixture.queuedId))?.assignedAgentId).toBe("ana");
    ana.close();
  }, 60_000);
});
