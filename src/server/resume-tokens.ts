import { createHash, randomBytes } from "node:crypto";
import type { ResumeRecord, VisitorSessionStore } from "../ports/index.js";

/** How long a rotated-out resume token still works (another tab of the same visitor may hold it). */
const ROTATION_GRACE_MS = 60_000;

const hashOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * Visitors' resume secrets: 32 random bytes the widget keeps, stored only as a SHA-256 hash,
 * expiring, and rotated on every use. Resuming needs the token; an id alone resumes nothing.
 *
 * @example
 * const found = await resume.find(body.resumeToken, now); // null: a new conversation
 * const { token } = await resume.issue(found, visitorId, conversationId, now);
 */
export class ResumeTokens {
  constructor(
    private readonly store: VisitorSessionStore,
    private readonly ttlMs: number,
  ) {}

  async find(token: string | undefined, now: number): Promise<ResumeRecord | null> {
    if (token === undefined || token.length < 32) return null;
    return this.store.findResumeToken(hashOf(token), now);
  }

  /** A fresh token for the conversation; the one it replaces keeps a short grace. */
  async issue(replaced: ResumeRecord | null, visitorId: string, conversationId: string, now: number): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = now + this.ttlMs;
    await this.store.saveResumeToken({ tokenHash: hashOf(token), visitorId, conversationId, createdAt: now, expiresAt });
    if (replaced !== null) await this.store.expireResumeToken(replaced.tokenHash, now + ROTATION_GRACE_MS);
    return { token, expiresAt };
  }

  /** Sign-out: no token of this conversation resumes it any more. */
  async revoke(conversationId: string): Promise<void> {
    await this.store.revokeResumeTokens(conversationId);
  }
}
