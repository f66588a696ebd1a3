import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signing of Baton's bot deliveries, for Baton and for bot authors. Baton POSTs each visitor
 * message to an external bot with the header
 *
 *     x-baton-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the bot's secret>
 *
 * A bot checks it on the raw body (before parsing JSON) with `verifyBatonSignature`, which refuses
 * a tampered body, a wrong secret and a timestamp outside the replay window.
 */
export const SIGNATURE_HEADER = "x-baton-signature";

/** Seconds a signed delivery stays acceptable either side of the bot's clock (5 minutes). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * The `x-baton-signature` value for `body` sent at `nowMs`.
 *
 * @example
 * signBatonRequest("s3cret-of-16-chars", '{"event":"visitor_message"}', Date.now()) // "t=1795000000,v1=5d41…"
 */
export function signBatonRequest(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

export type VerifyResult = { readonly ok: true; readonly timestamp: number } | { readonly ok: false; readonly reason: "missing" | "malformed" | "expired" | "mismatch" };

/**
 * Checks a delivery's signature header against the raw body, in constant time.
 *
 * @example
 * const check = verifyBatonSignature({ secret, body: rawBody, header: req.headers["x-baton-signature"] });
 * if (!check.ok) return res.writeHead(401).end(check.reason);
 */
export function verifyBatonSignature(input: {
  readonly secret: string;
  /** The raw request body, exactly as received. */
  readonly body: string | Buffer;
  readonly header: string | readonly string[] | undefined | null;
  /** Now, epoch ms (defaults to the clock). */
  readonly nowMs?: number;
  readonly toleranceSeconds?: number;
}): VerifyResult {
  const header = Array.isArray(input.header) ? input.header[0] : input.header;
  if (typeof header !== "string" || header === "") return { ok: false, reason: "missing" };
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: "malformed" };
  const now = (input.nowMs ?? Date.now()) / 1000;
  if (Math.abs(now - t) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "expired" };
  const body = typeof input.body === "string" ? input.body : input.body.toString("utf8");
  const expected = Buffer.from(hmac(input.secret, `${t}.${body}`), "hex");
  if (!timingSafeEqual(expected, Buffer.from(v1, "hex"))) return { ok: false, reason: "mismatch" };
  return { ok: true, timestamp: t };
}

function hmac(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text, "utf8").digest("hex");
}
