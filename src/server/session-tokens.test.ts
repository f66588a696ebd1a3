import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../core/errors.js";
import { checkLogin, hashPassword, sameSecret } from "./auth.js";
import { SessionTokens } from "./session-tokens.js";

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const OLD = "old-secret-0123456789abcdef";
const NEW = "new-secret-0123456789abcdef";

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(err) && err.code === "unauthenticated", String(err)).toBe(true);
  return (err as Error).message;
}

describe("SessionTokens", () => {
  it("round-trips agent and visitor claims with an expiry and a token id", async () => {
    const tokens = new SessionTokens([NEW]);
    const a = await tokens.verify(await tokens.sign({ kind: "agent", agentId: "maria" }, NOW), NOW, "agent");
    expect(a).toMatchObject({ kind: "agent", agentId: "maria", expiresAt: NOW + 12 * 3600 * 1000 });
    const v = await tokens.verify(await tokens.sign({ kind: "visitor", visitorId: "v1", conversationId: "c1" }, NOW), NOW, "visitor");
    expect(v).toMatchObject({ kind: "visitor", visitorId: "v1", conversationId: "c1" });
    expect(a.jti).not.toBe(v.jti);
  });

  it("refuses the other audience, anything appended, an expired token and an unsigned one", async () => {
    const tokens = new SessionTokens([NEW]);
    const agent = await tokens.sign({ kind: "agent", agentId: "maria" }, NOW);
    expect(await refusal(tokens.verify(agent, NOW, "visitor"))).toMatch(/not a visitor token/);
    await refusal(tokens.verify(`${agent}.junk`, NOW, "agent"));
    await refusal(tokens.verify(`${agent}junk`, NOW, "agent"));
    expect(await refusal(tokens.verify(agent, NOW + 12 * 3600 * 1000 + 1000, "agent"))).toMatch(/expired/);
    const [head, body] = agent.split(".");
    await refusal(tokens.verify(`${head}.${body}.`, NOW, "agent"));
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${body}.`;
    await refusal(tokens.verify(none, NOW, "agent"));
  });

  it("rotates keys: the new key signs, the old one still verifies until it is dropped", async () => {
    const before = new SessionTokens([OLD]);
    const during = new SessionTokens([NEW, OLD]);
    const after = new SessionTokens([NEW]);
    const old = await before.sign({ kind: "agent", agentId: "maria" }, NOW);
    expect((await during.verify(old, NOW, "agent")).agentId).toBe("maria");
    await refusal(after.verify(old, NOW, "agent"));
    const fresh = await during.sign({ kind: "agent", agentId: "tom" }, NOW);
    expect((await after.verify(fresh, NOW, "agent")).agentId).toBe("tom");
  });

  it("refuses a token signed with the right secret but another issuer", async () => {
    const tokens = new SessionTokens([NEW]);
    const forged = await new SignJWT({ agentId: "admin" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("someone")
      .setAudience("baton:agent")
      .setSubject("admin")
      .setJti("x")
      .setExpirationTime(Math.floor(NOW / 1000) + 60)
      .sign(new TextEncoder().encode(NEW));
    await refusal(tokens.verify(forged, NOW, "agent"));
  });

  it("shares sign-outs through the revocation store: another node (or the next start) refuses them too", async () => {
    const revoked = new Map<string, number>();
    const store = {
      revokeSession: async (jti: string, exp: number) => void revoked.set(jti, exp),
      isSessionRevoked: async (jti: string, now: number) => (revoked.get(jti) ?? 0) > now,
    };
    const nodeA = new SessionTokens([NEW], { revocations: store });
    const nodeB = new SessionTokens([NEW], { revocations: store });
    const t = await nodeA.sign({ kind: "agent", agentId: "maria" }, NOW);
    const claims = await nodeB.verify(t, NOW, "agent");
    await nodeA.revoke(claims.jti, claims.expiresAt, NOW);
    expect(await refusal(nodeB.verify(t, NOW, "agent"))).toMatch(/signed out/);
  });

  it("revokes a token id until it would have expired", async () => {
    const tokens = new SessionTokens([NEW]);
    const t = await tokens.sign({ kind: "agent", agentId: "maria" }, NOW);
    const claims = await tokens.verify(t, NOW, "agent");
    await tokens.revoke(claims.jti, claims.expiresAt, NOW);
    expect(await refusal(tokens.verify(t, NOW, "agent"))).toMatch(/signed out/);
  });
});

describe("sign-in checks", () => {
  it("an unknown e-mail fails like a wrong password, and the right password passes", async () => {
    const stored = await hashPassword("demo");
    expect(await checkLogin("demo", stored)).toBe(true);
    expect(await checkLogin("nope", stored)).toBe(false);
    expect(await checkLogin("demo", null)).toBe(false);
    // The dummy hash is a well-formed scrypt hash, so an unknown e-mail runs scrypt too.
    expect(await checkLogin("", null)).toBe(false);
  });

  it("compares secrets whatever their lengths", () => {
    expect(sameSecret("abc", "abc")).toBe(true);
    expect(sameSecret("abc", "abcd")).toBe(false);
    expect(sameSecret(undefined, "abc")).toBe(false);
  });
});
