import { type Kysely, type Migration, sql } from "kysely";
import type { DialectTraits } from "../storage-dialect.js";

/**
 * The agent's desk (issue 17): canned responses (team or personal), private notes on a
 * conversation, visitors' devices (from the User-Agent), attachments, an index for a customer's past chats, and a full-text index over message text: an FTS5 table kept by triggers in
 * SQLite, a GIN index over to_tsvector('simple', text) in PostgreSQL ('simple': no stemming, so
 * every language is indexed alike).
 *
 * @example
 * const migration = deskMigration(traitsOf("sqlite"));
 */
export function deskMigration(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("canned_responses")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("team", "text")
        .addColumn("owner_id", "text")
        .addColumn("shortcut", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("canned_team_idx").on("canned_responses").columns(["team", "shortcut"]).execute();
      await db.schema.createIndex("canned_owner_idx").on("canned_responses").columns(["owner_id", "shortcut"]).execute();

      await db.schema
        .createTable("notes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("author_id", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("mentions", traits.jsonType, (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("notes_conversation_idx").on("notes").columns(["conversation_id", "at"]).execute();

      // A visitor's browser and system, read from the User-Agent of their session request.
      await db.schema
        .createTable("visitor_devices")
        .addColumn("visitor_id", "text", (c) => c.primaryKey())
        .addColumn("user_agent", "text", (c) => c.notNull())
        .addColumn("browser", "text")
        .addColumn("os", "text")
        .addColumn("device", "text")
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      // Files sent in a chat (the bytes live in the blob storage under `storage_key`).
      await db.schema
        .createTable("attachments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("message_id", "text", (c) => c.notNull())
        .addColumn("uploader", "text", (c) => c.notNull())
        .addColumn("uploader_id", "text")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("size", "bigint", (c) => c.notNull())
        .addColumn("storage_key", "text", (c) => c.notNull())
        .addColumn("access_key", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("attachments_conversation_idx").on("attachments").columns(["conversation_id", "created_at"]).execute();
      // A verified customer's past chats (the context panel's history).
      await db.schema.createIndex("conversations_customer_idx").on("conversations").columns(["customer_id", "created_at"]).execute();

      if (traits.dialect === "sqlite") {
        await sql`create virtual table messages_fts using fts5(text, content='messages', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
        await sql`create trigger messages_fts_insert after insert on messages begin insert into messages_fts(rowid, text) values (new.seq, new.text); end`.execute(db);
        await sql`create trigger messages_fts_delete after delete on messages begin insert into messages_fts(messages_fts, rowid, text) values ('delete', old.seq, old.text); end`.execute(db);
        await sql`insert into messages_fts(messages_fts) values ('rebuild')`.execute(db);
      } else {
        await sql`create index messages_text_fts_idx on messages using gin (to_tsvector('simple', regexp_replace(text, '[^[:alnum:]]+', ' ', 'g')))`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (traits.dialect === "sqlite") {
        await sql`drop trigger messages_fts_delete`.execute(db);
        await sql`drop trigger messages_fts_insert`.execute(db);
        await sql`drop table messages_fts`.execute(db);
      } else {
        await sql`drop index messages_text_fts_idx`.execute(db);
      }
      await db.schema.dropIndex("conversations_customer_idx").execute();
      await db.schema.dropTable("attachments").execute();
      await db.schema.dropTable("visitor_devices").execute();
      await db.schema.dropTable("notes").execute();
      await db.schema.dropTable("canned_responses").execute();
    },
  };
}
