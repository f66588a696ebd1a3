import type { Kysely, Migration } from "kysely";

/**
 * Bring your own bot (issue 16): the bot in charge of each conversation (fixed when it starts, from
 * its widget key), an external bot's quick replies and the payload of the one a visitor clicked
 * (JSON, on messages), and the dead letters: visitor messages an external bot never took.
 *
 * @example
 * const migration = externalBotsMigration();
 */
export function externalBotsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("conversations").addColumn("bot", "text").execute();
      await db.schema.alterTable("messages").addColumn("extra", "text").execute();
      await db.schema
        .createTable("bot_dead_letters")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("bot_id", "text", (c) => c.notNull())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("message_id", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("error", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("bot_dead_letters_created_idx").on("bot_dead_letters").columns(["created_at", "id"]).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("bot_dead_letters").execute();
      await db.schema.alterTable("messages").dropColumn("extra").execute();
      await db.schema.alterTable("conversations").dropColumn("bot").execute();
    },
  };
}
