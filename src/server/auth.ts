import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export { SessionTokens, type TokenClaims, type VerifiedClaims } from "./session-tokens.js";

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

/** A hash no password matches, checked for unknown e-mails so they cost what known ones cost. */
const DUMMY_HASH = `${"00".repeat(16)}:${"00".repeat(KEY_LENGTH)}`;

/**
 * Checks a sign-in with the same work whether the account exists or not (scrypt always runs),
 * so the answer's timing does not tell which e-mails are registered.
 */
export async function checkLogin(password: string, stored: string | null): Promise<boolean> {
  const ok = await verifyPassword(password, stored ?? DUMMY_HASH);
  return ok && stored !== null;
}

/** Compares two secrets in constant time (their SHA-256 digests, so lengths do not leak either). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
