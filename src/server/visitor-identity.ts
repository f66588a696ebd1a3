import { createHmac, createPublicKey, type KeyObject, timingSafeEqual } from "node:crypto";
import { jwtVerify } from "jose";
import type { IdentityConfig } from "../core/config/index.js";

/** What the widget says about who the visitor is. */
export interface IdentityClaim {
  readonly email?: string | undefined;
  readonly customerId?: string | undefined;
  /** Hex HMAC-SHA256 of the customer id (when given) or the e-mail, with the site's identity secret. */
  readonly userHash?: string | undefined;
  /** A JWT signed by the site's backend: `email` and/or `sub` (or `customer_id`) claims. */
  readonly identityToken?: string | undefined;
}

/**
 * The visitor's identity after the proof was checked. Only a verified identity may select a
 * customer record (tier, CSM); an unverified e-mail is kept for the agent, marked as such.
 */
export type VisitorIdentity =
  | { readonly verified: true; readonly email?: string; readonly customerId?: string }
  | { readonly verified: false; readonly claimedEmail: string | null };

const hex = /^[0-9a-f]{64}$/i;

/** Checks identity proofs the way Intercom's identity verification and Chatwoot's HMAC do, or a JWT. */
export class IdentityVerifier {
  private readonly publicKey: KeyObject | null;

  constructor(private readonly cfg: IdentityConfig) {
    this.publicKey = cfg.jwtPublicKey === null ? null : createPublicKey(cfg.jwtPublicKey);
  }

  async verify(claim: IdentityClaim, now: number): Promise<VisitorIdentity> {
    const unverified: VisitorIdentity = { verified: false, claimedEmail: claim.email ?? null };
    if (claim.identityToken !== undefined) {
      const fromJwt = await this.fromJwt(claim.identityToken, now);
      return fromJwt ?? unverified;
    }
    if (claim.userHash !== undefined && this.cfg.hmacSecret !== null && hex.test(claim.userHash)) {
      const subject = claim.customerId ?? claim.email;
      if (subject === undefined) return unverified;
      const expected = createHmac("sha256", this.cfg.hmacSecret).update(subject).digest();
      if (timingSafeEqual(expected, Buffer.from(claim.userHash, "hex"))) {
        return claim.customerId !== undefined ? { verified: true, customerId: claim.customerId } : { verified: true, email: subject };
      }
    }
    return unverified;
  }

  private async fromJwt(token: string, now: number): Promise<VisitorIdentity | null> {
    const options = {
      currentDate: new Date(now),
      ...(this.cfg.jwtIssuer === null ? {} : { issuer: this.cfg.jwtIssuer }),
      ...(this.cfg.jwtAudience === null ? {} : { audience: this.cfg.jwtAudience }),
    };
    const keys: [Uint8Array | KeyObject, string[]][] = [];
    if (this.cfg.jwtSecret !== null) keys.push([new TextEncoder().encode(this.cfg.jwtSecret), ["HS256"]]);
    if (this.publicKey !== null) keys.push([this.publicKey, ["RS256", "ES256"]]);
    for (const [key, algorithms] of keys) {
      try {
        const { payload } = await jwtVerify(token, key, { ...options, algorithms, requiredClaims: ["exp"] });
        const email = typeof payload.email === "string" ? payload.email : undefined;
        // `customer_id` names Baton's contact; `sub` (the site's user id) only when there is no e-mail.
        const sub = email === undefined && typeof payload.sub === "string" ? payload.sub : undefined;
        const customerId = typeof payload.customer_id === "string" ? payload.customer_id : sub;
        if (email === undefined && customerId === undefined) return null;
        return { verified: true, ...(email === undefined ? {} : { email }), ...(customerId === undefined ? {} : { customerId }) };
      } catch {
        // try the next key
      }
    }
    return null;
  }
}

/**
 * The `userHash` a site's backend computes for a visitor (what the demo server does).
 *
 * @example
 * userHashFor(process.env.BATON_IDENTITY_SECRET!, "lena.vogel@example.de")
 */
export function userHashFor(secret: string, subject: string): string {
  return createHmac("sha256", secret).update(subject).digest("hex");
}
