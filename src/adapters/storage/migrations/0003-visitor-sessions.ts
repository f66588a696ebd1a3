import type { Kysely, Migration } from "kysely";
import type { DialectTraits } from "../storage-dialect.js";

/**
 * Visitors' resume tokens, stored hashed (SHA-256 hex) with their conversation and expiry:
 * a visitor resumes with the random token, never with an id. And signed-out session token ids.
 *
 * @example
 * const migration = visitorSessionsMigration(traitsOf("postgres"));
 */
export function visitorSessionsMigration(_traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("visitor_resume_tokens")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("visitor_id", "text", (c) => c.notNull())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("visitor_resume_tokens_conversation_idx").on("visitor_resume_tokens").column("conversation_id").execute();
      await db.schema.createIndex("visitor_resume_tokens_expires_idx").on("visitor_resume_tokens").column("expires_at").execute();
      // Signed-out session tokens (by token id), refused on every node until they would have expired.
      await db.schema
        .createTable("revoked_sessions")
        .addColumn("jti", "text", (c) => c.primaryKey())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("revoked_sessions").execute();
      await db.schema.dropTable("visitor_resume_tokens").execute();
    },
  };
}
