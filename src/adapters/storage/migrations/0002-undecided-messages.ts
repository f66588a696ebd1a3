import type { Kysely, Migration } from "kysely";

/**
 * The outbox of undecided visitor messages: a visitor message is committed together with a row
 * here, and the row goes once its decision (a bot turn, a handoff, or nothing to decide) is
 * recorded. Whatever is left after a crash is decided on the client's retry and at start-up.
 *
 * @example
 * const migration = undecidedMessagesMigration();
 */
export function undecidedMessagesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("undecided_messages")
        .addColumn("message_id", "text", (c) => c.primaryKey().references("messages.id").onDelete("cascade"))
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("undecided_conversation_idx").on("undecided_messages").columns(["conversation_id", "at"]).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("undecided_messages").execute();
    },
  };
}
