import type { Kysely, Migration } from "kysely";

/**
 * Read receipts (issue 17): how far each side of a conversation has seen the other's messages.
 * One row per conversation and reader ("visitor" or "agent"), holding the id of the last message
 * seen; no column of `conversations` or `messages` fits (a message can be read by one side only
 * once, and the mark moves forward only).
 *
 * @example
 * const migration = readMarksMigration();
 */
export function readMarksMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("read_marks")
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("reader", "text", (c) => c.notNull())
        .addColumn("message_id", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("read_marks_pk", ["conversation_id", "reader"])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("read_marks").execute();
    },
  };
}
