import { createHmac, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { DomainError } from "../core/errors.js";

const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: 16384, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** "salt:hash" in hex, scrypt (N=16384, r=8, p=1). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${(await scryptAsync(password, salt)).toString("hex")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(":");
  if (saltHex === undefined || hashHex === undefined || hashHex.length !== KEY_LENGTH * 2) return false;
  const actual = await scryptAsync(password, Buffer.from(saltHex, "hex"));
  return timingSafeEqual(actual, Buffer.from(hashHex, "hex"));
}

export type TokenClaims =
  | { readonly kind: "visitor"; readonly visitorId: string; readonly conversationId: string }
  | { readonly kind: "agent"; readonly agentId: string };

/**
 * Signed session tokens: base64url(JSON claims with expiry) + "." + HMAC-SHA256. Visitors get one
 * for their conversation; agents get one at sign-in.
 */
export class TokenSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = 7 * 24 * 3600,
  ) {
    if (secret.length < 16) throw new DomainError("invalid_config", "the session secret needs 16 or more characters");
  }

  sign(claims: TokenClaims, now: number): string {
    const body = Buffer.from(JSON.stringify({ ...claims, exp: now + this.ttlSeconds * 1000 })).toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a valid, unexpired token; throws `unauthenticated` otherwise. */
  verify(token: string, now: number): TokenClaims {
    const [body, mac] = token.split(".");
    if (body === undefined || mac === undefined) throw new DomainError("unauthenticated", "malformed session token");
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError("unauthenticated", "invalid session token");
    }
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenClaims & { exp: number };
    if (typeof claims.exp !== "number" || claims.exp < now) throw new DomainError("unauthenticated", "session expired, sign in again");
    const { exp: _exp, ...rest } = claims;
    return rest as TokenClaims;
  }

  private mac(body: string): string {
    return createHmac("sha256", this.secret).update(body).digest("base64url");
  }
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
