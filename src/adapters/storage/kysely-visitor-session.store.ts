import type { Kysely } from "kysely";
import type { ResumeRecord, VisitorSessionStore } from "../../ports/visitor-session.store.js";
import type { BatonDatabase } from "./database.js";
import { guardWrite } from "./db-errors.js";

/** An unexpired resume token by its hash (the query a session open runs). */
export const findResumeTokenQuery = (db: Kysely<BatonDatabase>, tokenHash: string, now: number) =>
  db.selectFrom("visitor_resume_tokens").selectAll().where("token_hash", "=", tokenHash).where("expires_at", ">", now);

/**
 * VisitorSessionStore over Kysely (SQLite and PostgreSQL alike): one row per live resume token.
 *
 * @example
 * const sessions = new KyselyVisitorSessionStore(db);
 * await sessions.saveResumeToken({ tokenHash, visitorId, conversationId, createdAt: now, expiresAt: now + day });
 */
export class KyselyVisitorSessionStore implements VisitorSessionStore {
  constructor(private readonly db: Kysely<BatonDatabase>) {}

  async saveResumeToken(r: ResumeRecord): Promise<void> {
    await guardWrite(
      () =>
        this.db
          .insertInto("visitor_resume_tokens")
          .values({ token_hash: r.tokenHash, visitor_id: r.visitorId, conversation_id: r.conversationId, created_at: r.createdAt, expires_at: r.expiresAt })
          .execute(),
      { id: r.tokenHash, conversationId: r.conversationId },
    );
  }

  async findResumeToken(tokenHash: string, now: number): Promise<ResumeRecord | null> {
    const row = await findResumeTokenQuery(this.db, tokenHash, now).executeTakeFirst();
    if (row === undefined) return null;
    return {
      tokenHash: row.token_hash,
      visitorId: row.visitor_id,
      conversationId: row.conversation_id,
      createdAt: Number(row.created_at),
      expiresAt: Number(row.expires_at),
    };
  }

  async expireResumeToken(tokenHash: string, expiresAt: number): Promise<void> {
    await this.db
      .updateTable("visitor_resume_tokens")
      .set({ expires_at: expiresAt })
      .where("token_hash", "=", tokenHash)
      .where("expires_at", ">", expiresAt)
      .execute();
  }

  async revokeResumeTokens(conversationId: string): Promise<number> {
    const r = await this.db.deleteFrom("visitor_resume_tokens").where("conversation_id", "=", conversationId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async purgeExpiredResumeTokens(now: number): Promise<number> {
    const r = await this.db.deleteFrom("visitor_resume_tokens").where("expires_at", "<=", now).executeTakeFirst();
    const s = await this.db.deleteFrom("revoked_sessions").where("expires_at", "<=", now).executeTakeFirst();
    return Number(r.numDeletedRows) + Number(s.numDeletedRows);
  }

  async revokeSession(jti: string, expiresAt: number): Promise<void> {
    await this.db
      .insertInto("revoked_sessions")
      .values({ jti, expires_at: expiresAt })
      .onConflict((oc) => oc.column("jti").doNothing())
      .execute();
  }

  async isSessionRevoked(jti: string, now: number): Promise<boolean> {
    const row = await this.db.selectFrom("revoked_sessions").select("jti").where("jti", "=", jti).where("expires_at", ">", now).executeTakeFirst();
    return row !== undefined;
  }
}
