import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { io } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { HandoffContextV1 } from "../../src/core/context/index.js";
import { startBaton } from "../../src/server/baton.js";
import { silentLogger, startTestBaton, TEST_IDENTITY_SECRET } from "../e2e/harness.js";
import { agent, identifiedAs, visitor } from "./clients.js";
import { emptyQueueAndDesks } from "./reset.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
const JWT_SECRET = "site-backend-jwt-secret-0123456789";
const LENA = "lena.vogel@example.de";

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Assigned = { context: HandoffContextV1 };

async function session(url: string, body: Record<string, unknown>): Promise<Record<string, unknown> & { token: string; resumeToken: string; conversationId: string; visitorId: string }> {
  const res = await fetch(`${url}/api/visitor/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

/** Whether the /visitor socket accepts this token (and with what error it refuses). */
async function socketAccepts(url: string, token: string): Promise<true | string> {
  const s = io(`${url}/visitor`, { auth: { token }, transports: ["websocket"], reconnection: false });
  try {
    return await new Promise<true | string>((resolve) => {
      s.once("connect", () => resolve(true));
      s.once("connect_error", (err) => resolve(err.message));
    });
  } finally {
    s.close();
  }
}

describe("issue 12: identity and sessions", () => {
  let baton: Baton;
  let clock: FakeClock;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    clock = new FakeClock(TUESDAY_10_PARIS);
    baton = await startTestBaton({ clock, env: { BATON_IDENTITY_SECRET: TEST_IDENTITY_SECRET, BATON_IDENTITY_JWT_SECRET: JWT_SECRET } });
  }, 60_000);
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await emptyQueueAndDesks(baton);
  });
  afterAll(async () => {
    await baton?.close();
  });

  /** A visitor with this session body asks for a human; Maria (Lena's CSM, billing) is online. */
  async function handOff(body: Record<string, unknown>): Promise<HandoffContextV1> {
    const maria = track(await agent(baton.url, "maria@demo.baton"));
    const v = track(await visitor(baton.url, body));
    expect((await v.say("Can I talk to a person about my invoice please?")).ok).toBe(true);
    const { context } = await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    return context;
  }

  it("seen 1: an e-mail without proof selects no customer record, no tier, no CSM; the agent sees it as unverified", async () => {
    const context = await handOff({ email: LENA });
    expect(context.customer).toBeNull();
    expect(context.ruleId).not.toBe("vip");
    expect(context.priority).toBeLessThan(100);
    expect(context.fields).toContainEqual(expect.objectContaining({ name: "email", value: LENA, source: { kind: "unverified" } }));
    expect((await baton.store.conversations.getConversation(context.conversation.id))?.customerId).toBeNull();
  });

  it("seen 1: a wrong userHash is no proof either", async () => {
    const context = await handOff({ email: LENA, userHash: "0".repeat(64) });
    expect(context.customer).toBeNull();
    expect(context.ruleId).not.toBe("vip");
  });

  it("seen 1: an HMAC userHash from the site's backend attaches the record", async () => {
    const context = await handOff(identifiedAs(LENA));
    expect(context.customer).toMatchObject({ name: "Lena Vogel", tier: "vip", csmAgentId: "maria" });
    expect(context.ruleId).toBe("vip");
  });

  it("seen 1: a JWT signed with the configured key attaches the record; an expired or foreign one does not", async () => {
    const sign = (key: string, exp: number) =>
      new SignJWT({ email: LENA }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(Math.floor(exp / 1000)).sign(new TextEncoder().encode(key));
    const good = await handOff({ identityToken: await sign(JWT_SECRET, TUESDAY_10_PARIS + 600_000) });
    expect(good.customer?.name).toBe("Lena Vogel");
    for (const token of [await sign(JWT_SECRET, TUESDAY_10_PARIS - 1000), await sign("another-sites-secret-0123456789", TUESDAY_10_PARIS + 600_000)]) {
      const s = await session(baton.url, { identityToken: token, email: LENA });
      expect(s.identity).toBe("unverified");
      expect((await baton.store.conversations.getConversation(s.conversationId))?.customerId).toBeNull();
    }
  });

  it("seen 2: another visitor's id resumes nothing: a new conversation, without B's transcript", async () => {
    const b = track(await visitor(baton.url));
    expect((await b.say("my secret order is ORD-99881")).ok).toBe(true);
    const bId = b.session.visitorId as string;
    const attacker = await session(baton.url, { visitorId: bId });
    expect(attacker.conversationId).not.toBe(b.conversationId);
    expect(attacker.visitorId).not.toBe(bId);
    expect(JSON.stringify(attacker.messages)).not.toContain("ORD-99881");
  });

  it("seen 2: the resume token resumes, is rotated, is stored hashed, and expires", async () => {
    const first = await session(baton.url, {});
    expect(first.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await session(baton.url, { resumeToken: first.resumeToken });
    expect(again.conversationId).toBe(first.conversationId);
    expect(again.resumeToken).not.toBe(first.resumeToken);
    // Only hashes are stored.
    const db = baton.store as unknown as { sessions: { findResumeToken(h: string, now: number): Promise<unknown> } };
    expect(await db.sessions.findResumeToken(first.resumeToken, clock.now())).toBeNull();
    // The rotated-out token keeps a short grace, then resumes nothing.
    clock.advance(61_000);
    const late = await session(baton.url, { resumeToken: first.resumeToken });
    expect(late.conversationId).not.toBe(first.conversationId);
    const latest = await session(baton.url, { resumeToken: again.resumeToken });
    expect(latest.conversationId).toBe(first.conversationId);
    // Past its lifetime (30 days) the newest one resumes nothing either.
    clock.advance(31 * 24 * 3600 * 1000);
    const expired = await session(baton.url, { resumeToken: latest.resumeToken });
    expect(expired.conversationId).not.toBe(first.conversationId);
    clock.set(TUESDAY_10_PARIS);
  });

  it("seen 2: an expired session token is refused on the socket, and with the visitorId resumes nothing", async () => {
    const s = await session(baton.url, {});
    expect(await socketAccepts(baton.url, s.token)).toBe(true);
    clock.advance(25 * 3600 * 1000);
    try {
      expect(await socketAccepts(baton.url, s.token)).toMatch(/expired/);
      const again = await session(baton.url, { token: s.token, visitorId: s.visitorId });
      expect(again.conversationId).not.toBe(s.conversationId);
    } finally {
      clock.set(TUESDAY_10_PARIS);
    }
  });

  it("seen 11: a token with anything appended, or a changed payload, is refused; an agent token is no visitor token", async () => {
    const s = await session(baton.url, {});
    expect(await socketAccepts(baton.url, `${s.token}.junk`)).toMatch(/invalid/);
    const [head, body, sig] = s.token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, conversationId: "someone-else" })).toString("base64url");
    expect(await socketAccepts(baton.url, `${head}.${forged}.${sig}`)).toMatch(/invalid/);
    const maria = track(await agent(baton.url, "maria@demo.baton", "demo", "offline"));
    expect(await socketAccepts(baton.url, maria.token)).toMatch(/not a visitor token/);
    const me = await fetch(`${baton.url}/api/agent/me`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(me.status).toBe(401);
    const junk = await fetch(`${baton.url}/api/agent/me`, { headers: { authorization: `Bearer ${maria.token}.junk` } });
    expect(junk.status).toBe(401);
  });

  it("sign-out revokes the agent's token and closes its console; the visitor's sign-out ends its resume tokens", async () => {
    const maria = track(await agent(baton.url, "maria@demo.baton", "demo", "offline"));
    const out = await fetch(`${baton.url}/api/agent/logout`, { method: "POST", headers: { authorization: `Bearer ${maria.token}` } });
    expect(out.status).toBe(200);
    await new Promise<void>((resolve) => (maria.socket.connected ? maria.socket.once("disconnect", () => resolve()) : resolve()));
    expect((await fetch(`${baton.url}/api/agent/me`, { headers: { authorization: `Bearer ${maria.token}` } })).status).toBe(401);
    const s = await session(baton.url, {});
    const bye = await fetch(`${baton.url}/api/visitor/signout`, { method: "POST", headers: { authorization: `Bearer ${s.token}` } });
    expect(bye.status).toBe(200);
    expect((await session(baton.url, { resumeToken: s.resumeToken })).conversationId).not.toBe(s.conversationId);
    expect(await socketAccepts(baton.url, s.token)).toMatch(/signed out/);
  });

  it("seen 8: sign-in is limited per account and per address, wrong e-mail and wrong password answer alike", async () => {
    const login = (email: string, password: string, ip = "10.0.0.1") =>
      baton.http.inject({ method: "POST", url: "/api/agent/login", payload: { email, password }, remoteAddress: ip });
    const unknown = await login("nobody@demo.baton", "guess");
    const wrong = await login("tom@demo.baton", "guess");
    expect([unknown.statusCode, unknown.json()]).toEqual([wrong.statusCode, wrong.json()]);
    // Successful sign-ins never lock an account.
    for (let i = 0; i < 6; i++) expect((await login("sofia@demo.baton", "demo", `10.0.3.${i}`)).statusCode).toBe(200);
    // Per account: 5 failures a minute from anywhere, then even the right password waits.
    for (let i = 0; i < 5; i++) expect((await login("sofia@demo.baton", `guess-${i}`, `10.0.1.${i}`)).statusCode).toBe(401);
    const locked = await login("sofia@demo.baton", "demo", "10.0.1.99");
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: "rate_limited" });
    // Unknown accounts are throttled alike.
    for (let i = 0; i < 5; i++) await login("ghost@demo.baton", "guess", `10.0.4.${i}`);
    expect((await login("ghost@demo.baton", "guess", "10.0.4.99")).statusCode).toBe(429);
    // Per address: 30 attempts a minute, whatever the account.
    const ip = "10.0.2.1";
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await login(`someone-${i}@demo.baton`, "guess", ip)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe("issue 12: sign-out outlives a restart", () => {
  it("a signed-out agent token stays refused after the server restarts with the same secret", async () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-signout-"));
    const options = {
      port: 0,
      host: "127.0.0.1",
      storageUrl: `sqlite:${join(dir, "baton.db")}`,
      webRoot: null,
      nlu: { eldSize: "extrasmall" as const },
      logger: silentLogger,
      env: { BATON_SESSION_SECRET: "restart-secret-0123456789" },
    };
    try {
      const first = await startBaton(options);
      const tom = await agent(first.url, "tom@demo.baton", "demo", "offline");
      tom.close();
      const kept = await agent(first.url, "maria@demo.baton", "demo", "offline");
      kept.close();
      expect((await fetch(`${first.url}/api/agent/logout`, { method: "POST", headers: { authorization: `Bearer ${tom.token}` } })).status).toBe(200);
      await first.close();
      const second = await startBaton(options);
      try {
        const me = (token: string) => fetch(`${second.url}/api/agent/me`, { headers: { authorization: `Bearer ${token}` } });
        expect((await me(tom.token)).status).toBe(401);
        expect((await me(kept.token)).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
