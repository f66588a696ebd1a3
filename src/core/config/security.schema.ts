import { z } from "zod";

/** How a site proves who a signed-in visitor is (see README "Identified visitors"). */
export interface IdentityConfig {
  /** Per-site secret for `userHash` = hex HMAC-SHA256(secret, email or user id) (Intercom/Chatwoot style). */
  readonly hmacSecret: string | null;
  /** Shared secret for identity JWTs signed with HS256. */
  readonly jwtSecret: string | null;
  /** PEM public key (SPKI) for identity JWTs signed with RS256 or ES256. */
  readonly jwtPublicKey: string | null;
  /** When set, an identity JWT must carry this issuer / audience. */
  readonly jwtIssuer: string | null;
  readonly jwtAudience: string | null;
}

/** Who may do what from where: origins, tokens, identity proofs and abuse limits. */
export interface SecurityConfig {
  /** Origins (besides Baton's own publicUrl) whose pages may open the widget's socket and API. */
  readonly allowedOrigins: readonly string[];
  /** Older session secrets that still verify tokens (rotation: the new secret goes in server.sessionSecret). */
  readonly previousSessionSecrets: readonly string[];
  readonly identity: IdentityConfig;
  /** How long a visitor's resume token lives, in days (rotated on each use). */
  readonly resumeTokenDays: number;
  /** Bearer token for /metrics; null disables /metrics. */
  readonly metricsToken: string | null;
  /** Sign-in attempts allowed per minute: every attempt per client address, failed ones per account. */
  readonly login: { readonly perIpPerMinute: number; readonly perAccountPerMinute: number };
}

const secret = z.string().min(16, "needs at least 16 characters").nullable().default(null);

export const securitySchema = z
  .strictObject({
    allowedOrigins: z.array(z.url()).default([]),
    previousSessionSecrets: z.array(z.string().min(16, "needs at least 16 characters")).default([]),
    identity: z
      .strictObject({
        hmacSecret: secret,
        jwtSecret: secret,
        jwtPublicKey: z.string().includes("BEGIN PUBLIC KEY", { message: "a PEM public key (-----BEGIN PUBLIC KEY-----)" }).nullable().default(null),
        jwtIssuer: z.string().min(1).nullable().default(null),
        jwtAudience: z.string().min(1).nullable().default(null),
      })
      .prefault({}),
    resumeTokenDays: z.number().int().min(1).max(365).default(30),
    metricsToken: secret,
    login: z
      .strictObject({ perIpPerMinute: z.number().int().min(1).default(30), perAccountPerMinute: z.number().int().min(1).default(5) })
      .prefault({}),
  })
  .prefault({}) satisfies z.ZodType<SecurityConfig, unknown>;
