import { createHash, randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { DomainError } from "../core/errors.js";

export type TokenClaims =
  | { readonly kind: "visitor"; readonly visitorId: string; readonly conversationId: string }
  | { readonly kind: "agent"; readonly agentId: string };

/** The claims of a verified token, with its id and expiry (epoch ms) for revocation. */
export type VerifiedClaims = TokenClaims & { readonly jti: string; readonly expiresAt: number };

/** Where sign-outs are kept, so every node (and the next start) refuses a revoked token. */
export interface RevocationStore {
  revokeSession(jti: string, expiresAt: number): Promise<void>;
  isSessionRevoked(jti: string, now: number): Promise<boolean>;
}

export interface SessionTokenOptions {
  /** Shared revocations (the database); without one they live in this process only. */
  readonly revocations?: RevocationStore;
  /** Agents sign in again after this long (12 hours). */
  readonly agentTtlSeconds?: number;
  /** A visitor's socket token; the widget renews it with its resume token (24 hours). */
  readonly visitorTtlSeconds?: number;
}

const ISSUER = "baton";
const AUDIENCE = { agent: "baton:agent", visitor: "baton:visitor" } as const;

/** A short, stable key id for a secret (the `kid` header), so several keys can be live at once. */
function kidOf(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url").slice(0, 12);
}

/**
 * Session tokens as JWTs (HS256, via jose): issuer "baton", an audience per kind ("baton:agent",
 * "baton:visitor"), an expiry, a token id. Signed with the first key; every key verifies, so a
 * secret is rotated by putting the new one first and keeping the old one until its tokens expire.
 * A revoked token id (sign-out) is refused until the token would have expired anyway, on every
 * node when a revocation store is given.
 *
 * @example
 * const tokens = new SessionTokens([process.env.BATON_SESSION_SECRET!]);
 * const token = await tokens.sign({ kind: "agent", agentId: "a1" }, Date.now());
 * const claims = await tokens.verify(token, Date.now(), "agent");
 */
export class SessionTokens {
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly current: { kid: string; key: Uint8Array };
  private readonly revoked = new Map<string, number>();
  private readonly ttl: { agent: number; visitor: number };
  private readonly revocations: RevocationStore | undefined;

  constructor(secrets: readonly string[], options: SessionTokenOptions = {}) {
    const first = secrets[0];
    if (first === undefined) throw new DomainError("invalid_config", "a session secret is needed");
    for (const s of secrets) {
      if (s.length < 16) throw new DomainError("invalid_config", "the session secret needs 16 or more characters");
    }
    this.keys = new Map(secrets.map((s) => [kidOf(s), new TextEncoder().encode(s)]));
    this.current = { kid: kidOf(first), key: new TextEncoder().encode(first) };
    this.ttl = { agent: options.agentTtlSeconds ?? 12 * 3600, visitor: options.visitorTtlSeconds ?? 24 * 3600 };
    this.revocations = options.revocations;
  }

  async sign(claims: TokenClaims, now: number): Promise<string> {
    const iat = Math.floor(now / 1000);
    const body = claims.kind === "agent" ? { agentId: claims.agentId } : { visitorId: claims.visitorId, conversationId: claims.conversationId };
    return new SignJWT(body)
      .setProtectedHeader({ alg: "HS256", kid: this.current.kid, typ: "JWT" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE[claims.kind])
      .setSubject(claims.kind === "agent" ? claims.agentId : claims.visitorId)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttl[claims.kind])
      .sign(this.current.key);
  }

  /** The claims of a valid, unexpired, unrevoked token of that kind; throws `unauthenticated` otherwise. */
  async verify<K extends TokenClaims["kind"]>(token: string, now: number, kind: K): Promise<Extract<VerifiedClaims, { kind: K }>> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header.kid), {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE[kind],
        currentDate: new Date(now),
        requiredClaims: ["exp", "jti", "sub"],
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new DomainError("unauthenticated", "session expired, sign in again");
      if (err instanceof errors.JWTClaimValidationFailed) throw new DomainError("unauthenticated", `not a ${kind} token`);
      throw new DomainError("unauthenticated", "invalid session token");
    }
    const jti = String(payload.jti);
    if (this.revoked.has(jti) || (await this.revocations?.isSessionRevoked(jti, now))) {
      throw new DomainError("unauthenticated", "this session has been signed out");
    }
    const expiresAt = Number(payload.exp) * 1000;
    if (kind === "agent") {
      if (typeof payload.agentId !== "string") throw new DomainError("unauthenticated", "invalid session token");
      return { kind: "agent", agentId: payload.agentId, jti, expiresAt } as Extract<VerifiedClaims, { kind: K }>;
    }
    if (typeof payload.visitorId !== "string" || typeof payload.conversationId !== "string") {
      throw new DomainError("unauthenticated", "invalid session token");
    }
    return { kind: "visitor", visitorId: payload.visitorId, conversationId: payload.conversationId, jti, expiresAt } as Extract<VerifiedClaims, { kind: K }>;
  }

  /** Signs a token out: refused from now on, here at once and on every node through the store. */
  async revoke(jti: string, expiresAt: number, now: number): Promise<void> {
    for (const [id, exp] of this.revoked) if (exp < now) this.revoked.delete(id);
    this.revoked.set(jti, expiresAt);
    await this.revocations?.revokeSession(jti, expiresAt);
  }

  private keyFor(kid: string | undefined): Uint8Array {
    const key = kid === undefined ? undefined : this.keys.get(kid);
    if (key === undefined) throw new DomainError("unauthenticated", "signed with an unknown key");
    return key;
  }
}
