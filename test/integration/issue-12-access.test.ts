import { readFileSync } from "node:fs";
import { io } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { HandoffContextV1 } from "../../src/core/context/index.js";
import type { OutgoingMail } from "../../src/ports/index.js";
import { loadConfig } from "../../src/server/config.js";
import { startTestBaton, TEST_METRICS_TOKEN } from "../e2e/harness.js";
import { agent, visitor } from "./clients.js";
import { emptyQueueAndDesks } from "./reset.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
/** Saturday 28 Nov 2026, 15:00 in Paris: every demo team is closed. */
const SATURDAY_15_PARIS = Date.UTC(2026, 10, 28, 14, 0);
const WIDGET_SITE = "https://shop.example";

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Assigned = { context: HandoffContextV1 };

const get = (url: string, token?: string) => fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
const send = (url: string, method: string, body: unknown, token?: string) =>
  fetch(url, { method, headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });

describe("issue 12: access", () => {
  let baton: Baton;
  let clock: FakeClock;
  const sent: OutgoingMail[] = [];
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    clock = new FakeClock(TUESDAY_10_PARIS);
    const { limits } = await loadConfig("config/baton.yaml", {});
    baton = await startTestBaton({
      clock,
      // Six messages for the inbox per client address (every async:leave frame takes one), then one every ~17 minutes.
      limits: { ...limits, inboxItems: { perSecond: 0.001, burst: 6 } },
      security: { allowedOrigins: [WIDGET_SITE] },
      mailer: {
        async send(m) {
          sent.push(m);
          return { messageId: `m${sent.length}` };
        },
      },
    });
  }, 60_000);
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    clock.set(TUESDAY_10_PARIS);
    await emptyQueueAndDesks(baton);
  });
  afterAll(async () => {
    await baton?.close();
  });

  it("seen 6: a chat transferred to a named colleague is theirs to see: not other agents' (context route, conversation:open, queue)", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const tom = track(await agent(baton.url, "tom@demo.baton", "demo", "offline"));
    const priya = track(await agent(baton.url, "priya@demo.baton"));
    const admin = track(await agent(baton.url, "admin@demo.baton", "admin"));
    const v = track(await visitor(baton.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    const moved = await maria.call("transfer", { conversationId: v.conversationId, to: { agentId: "tom" }, note: "Tom knows this customer" });
    expect(moved.ok).toBe(true);
    expect(baton.engine.router.stateOf(v.conversationId)).toBe("queued");
    const context = `${baton.url}/api/conversations/${v.conversationId}/context`;
    for (const other of [priya, maria]) {
      expect((await get(context, other.token)).status).toBe(403);
      expect(await other.call("conversation:open", { conversationId: v.conversationId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      const queue = (await (await get(`${baton.url}/api/agent/queue`, other.token)).json()) as { conversationId: string }[];
      expect(queue.map((q) => q.conversationId)).not.toContain(v.conversationId);
      // Nor can they take it by its id while it waits for Tom.
      expect(await other.call("queue:take", { conversationId: v.conversationId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(baton.engine.router.stateOf(v.conversationId)).toBe("queued");
    for (const allowed of [tom, admin]) {
      expect((await get(context, allowed.token)).status).toBe(200);
      expect((await allowed.call("conversation:open", { conversationId: v.conversationId })).ok).toBe(true);
      const queue = (await (await get(`${baton.url}/api/agent/queue`, allowed.token)).json()) as { conversationId: string }[];
      expect(queue.map((q) => q.conversationId)).toContain(v.conversationId);
    }
    // The queue pushed to online consoles follows the same scope.
    baton.engine.queueDirty = true;
    await admin.waitFor("queue", (q: { conversationId: string }[]) => q.some((e) => e.conversationId === v.conversationId));
    for (const other of [priya, maria]) {
      await other.waitFor("queue");
      const pushed = other.events.filter((e) => e.event === "queue").flatMap((e) => e.payload as { conversationId: string }[]);
      expect(pushed.map((e) => e.conversationId)).not.toContain(v.conversationId);
    }
  });

  it("seen 6: a chat passed to a colleague by name is not taken by id by one who could take it once it goes back to the team", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const v = track(await visitor(baton.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    // Passed to Claire, away: it waits for her, then goes to her team (support-intl), where Ana serves billing.
    expect((await maria.call("transfer", { conversationId: v.conversationId, to: { agentId: "claire" }, note: "Claire speaks French with him" })).ok).toBe(true);
    const ana = track(await agent(baton.url, "ana@demo.baton"));
    const took = await ana.call("queue:take", { conversationId: v.conversationId });
    expect(took).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((took as { error: { message: string } }).error.message).toContain("by name");
    expect(baton.engine.router.stateOf(v.conversationId)).toBe("queued");
    expect((await maria.call("presence:set", { presence: "offline" })).ok).toBe(true);
  });

  it("seen 9: the inbox is per team, one reply address per conversation, and limited per address", async () => {
    clock.set(SATURDAY_15_PARIS);
    const v = track(await visitor(baton.url, { timeZone: "Europe/Paris" }));
    await v.say("I want to talk to a human about my invoice");
    await v.waitFor("status", (s: { state: string }) => s.state === "async");
    const left = await v.call<{ id: string }>("async:leave", { name: "Ada", email: "ada@example.com", text: "Please call me back" });
    expect(left.ok).toBe(true);
    const itemId = left.ok ? left.data.id : "";
    // Another address in the same conversation is refused: replies go where the visitor first asked.
    expect(await v.call("async:leave", { email: "victim@example.org", text: "spam" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const priya = track(await agent(baton.url, "priya@demo.baton", "demo", "offline"));
    const tom = track(await agent(baton.url, "tom@demo.baton", "demo", "offline"));
    const admin = track(await agent(baton.url, "admin@demo.baton", "admin", "offline"));
    const inboxOf = async (token: string) => ((await (await get(`${baton.url}/api/admin/inbox`, token)).json()) as { id: string }[]).map((i) => i.id);
    expect(await inboxOf(priya.token)).not.toContain(itemId);
    expect(await inboxOf(tom.token)).toContain(itemId);
    expect(await inboxOf(admin.token)).toContain(itemId);
    expect(priya.events.some((e) => e.event === "inbox" && (e.payload as { id: string }[]).some((i) => i.id === itemId))).toBe(false);
    expect(await priya.call("inbox:reply", { itemId, text: "Not my team" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await tom.call("inbox:reply", { itemId, text: "We refunded you." })).ok).toBe(true);
    expect(sent.map((m) => m.to)).toEqual(["ada@example.com"]);
    // Per conversation: at most 3 messages waiting (a cap, not a rate): `conflict`.
    const v2 = track(await visitor(baton.url, { timeZone: "Europe/Paris" }));
    await v2.say("I want to talk to a human about my invoice");
    await v2.waitFor("status", (s: { state: string }) => s.state === "async");
    for (const text of ["one", "two", "three"]) expect((await v2.call("async:leave", { email: "bo@example.com", text })).ok).toBe(true);
    expect(await v2.call("async:leave", { email: "bo@example.com", text: "four" })).toMatchObject({ ok: false, error: { code: "conflict" } });
    // Per client address: six frames here (limits.inboxItems, the one limit over time), then refused with when to try again.
    const v3 = track(await visitor(baton.url, { timeZone: "Europe/Paris" }));
    await v3.say("I want to talk to a human about my invoice");
    await v3.waitFor("status", (s: { state: string }) => s.state === "async");
    expect(await v3.call("async:leave", { email: "cy@example.com", text: "seven" })).toMatchObject({
      ok: false,
      error: { code: "rate_limited", message: expect.stringMatching(/too many messages left from your address: try again in \d+ s/), retryAfterMs: expect.any(Number) },
    });
  });

  it("seen 11: admin simulate reads only scenario files, by name", async () => {
    const admin = track(await agent(baton.url, "admin@demo.baton", "admin", "offline"));
    const shipped = readFileSync("config/scenarios/staffing-shortfall.yaml", "utf8");
    for (const path of ["/dev/zero", "../../package.json", "../scenarios/../../package.json", "/etc/passwd"]) {
      const res = await send(`${baton.url}/api/admin/simulate`, "POST", { yaml: shipped.replace("config: ../baton.yaml", `config: ${path}`), hours: 0.25 }, admin.token);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe("invalid_input");
      expect(body.message).not.toMatch(/"dependencies"|root:/);
    }
    const ok = await send(`${baton.url}/api/admin/simulate`, "POST", { yaml: shipped, hours: 0.25 }, admin.token);
    expect(ok.status).toBe(200);
  }, 60_000);

  it("seen 11: security headers, socket origins, /metrics behind a token, constant-time bot key", async () => {
    const page = await fetch(`${baton.url}/`);
    const csp = page.headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp).toContain(directive);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const s = await (await send(`${baton.url}/api/visitor/session`, "POST", {})).json() as { token: string };
    const connects = (origin: string | null) =>
      new Promise<boolean>((resolve) => {
        const socket = io(`${baton.url}/visitor`, {
          auth: { token: s.token },
          transports: ["websocket"],
          reconnection: false,
          ...(origin === null ? {} : { extraHeaders: { origin } }),
        });
        socket.once("connect", () => {
          socket.close();
          resolve(true);
        });
        socket.once("connect_error", () => {
          socket.close();
          resolve(false);
        });
      });
    expect(await connects("https://evil.example")).toBe(false);
    expect(await connects(WIDGET_SITE)).toBe(true);
    expect(await connects(new URL(baton.url).origin)).toBe(true);
    // The visitor API answers cross-origin calls from the widget's origins only.
    const preflight = (origin: string) =>
      fetch(`${baton.url}/api/visitor/session`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect((await preflight(WIDGET_SITE)).headers.get("access-control-allow-origin")).toBe(WIDGET_SITE);
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const agentApi = await fetch(`${baton.url}/api/agent/me`, { headers: { origin: WIDGET_SITE } });
    expect(agentApi.headers.get("access-control-allow-origin")).toBeNull();
    expect((await get(`${baton.url}/metrics`)).status).toBe(401);
    expect((await get(`${baton.url}/metrics`, "wrong-token-wrong-token")).status).toBe(401);
    expect((await get(`${baton.url}/metrics`, TEST_METRICS_TOKEN)).status).toBe(200);
    const turn = (key: string) => send(`${baton.url}/api/bot/conversations/nope/turns`, "POST", { text: "hi" }, key);
    expect((await turn(`${baton.botApiKey}x`)).status).toBe(401);
    expect((await turn(baton.botApiKey.slice(0, -1))).status).toBe(401);
    expect((await turn(baton.botApiKey)).status).toBe(404);
  });

  it("seen 11: a YAML alias bomb in the config editor is a 400 with a clear message", async () => {
    const admin = track(await agent(baton.url, "admin@demo.baton", "admin", "offline"));
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
    const res = await send(`${baton.url}/api/admin/config`, "PUT", { yaml: lines.join("\n") }, admin.token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/alias/);
  });
});

describe("issue 12: /healthz reports the database", () => {
  it("answers 200 with the database up and 503 once it is down", async () => {
    const baton = await startTestBaton();
    try {
      const up = await fetch(`${baton.url}/healthz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({ ok: true, database: "up" });
      await baton.store.close();
      const down = await fetch(`${baton.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, database: "down" });
    } finally {
      await baton.close();
    }
  }, 60_000);
});
