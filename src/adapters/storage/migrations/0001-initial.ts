import { type Kysely, type Migration, sql } from "kysely";
import type { DialectTraits } from "../storage-dialect.js";

/**
 * The first schema: conversations and everything hanging off them, customers and agents.
 * Epoch-ms columns are bigint (INTEGER affinity in SQLite); JSON columns use the dialect's type.
 *
 * @example
 * const migration = initialMigration(traitsOf("sqlite"));
 */
export function initialMigration(traits: DialectTraits): Migration {
  const json = traits.jsonType;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("customers")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("email", "text")
        .addColumn("plan", "text")
        .addColumn("tier", "text", (c) => c.notNull())
        .addColumn("open_tickets", "integer", (c) => c.notNull())
        .addColumn("lifetime_value", "double precision", (c) => c.notNull())
        .addColumn("csm_agent_id", "text")
        .addColumn("time_zone", "text")
        .execute();
      await db.schema
        .createIndex("customers_email_lower_idx")
        .on("customers")
        .expression(sql`lower(email)`)
        .execute();

      await db.schema
        .createTable("agents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("profile", json, (c) => c.notNull())
        .addColumn("cap", "integer", (c) => c.notNull())
        .addColumn("presence", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("agents_email_lower_idx").on("agents").expression(sql`lower(email)`).execute();

      await db.schema
        .createTable("conversations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("visitor_id", "text", (c) => c.notNull())
        .addColumn("customer_id", "text")
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("page", json)
        .addColumn("visitor_time_zone", "text")
        .addColumn("assigned_agent_id", "text")
        .addColumn("rule_id", "text")
        .addColumn("priority", "double precision", (c) => c.notNull())
        .addColumn("sla_deadline", "bigint")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("resolved_at", "bigint")
        .execute();
      await db.schema.createIndex("conversations_state_idx").on("conversations").columns(["state", "created_at"]).execute();
      await db.schema
        .createIndex("conversations_agent_idx")
        .on("conversations")
        .columns(["assigned_agent_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("conversations_visitor_idx")
        .on("conversations")
        .columns(["visitor_id", "created_at"])
        .execute();

      let messages = db.schema.createTable("messages");
      messages =
        traits.dialect === "sqlite"
          ? messages.addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
          : messages.addColumn("seq", "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity());
      await messages
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("client_message_id", "text")
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("author_id", "text")
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("nlu", json)
        .execute();
      await db.schema
        .createIndex("messages_client_id_uq")
        .on("messages")
        .columns(["conversation_id", "client_message_id"])
        .unique()
        .where(sql.ref("client_message_id"), "is not", null)
        .execute();
      await db.schema.createIndex("messages_order_idx").on("messages").columns(["conversation_id", "at", "seq"]).execute();

      await db.schema
        .createTable("fields")
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("source", json, (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("fields_pk", ["conversation_id", "name"])
        .execute();

      await db.schema
        .createTable("handoffs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("trigger", json, (c) => c.notNull())
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("priority", "double precision", (c) => c.notNull())
        .addColumn("sla_deadline", "bigint", (c) => c.notNull())
        .addColumn("estimate", json)
        .addColumn("from_agent_id", "text")
        .addColumn("to_agent_id", "text")
        .addColumn("to_team", "text")
        .addColumn("note", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("assigned_at", "bigint")
        .addColumn("first_human_at", "bigint")
        .execute();
      await db.schema
        .createIndex("handoffs_conversation_idx")
        .on("handoffs")
        .columns(["conversation_id", "created_at"])
        .execute();
      await db.schema.createIndex("handoffs_created_idx").on("handoffs").column("created_at").execute();

      await db.schema
        .createTable("csat")
        .addColumn("conversation_id", "text", (c) =>
          c.primaryKey().references("conversations.id").onDelete("cascade"),
        )
        .addColumn("score", "double precision", (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("segment", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("csat_at_idx").on("csat").column("at").execute();

      await db.schema
        .createTable("inbox_items")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
        .addColumn("name", "text")
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("promised_by", "bigint", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("reply", "text")
        .addColumn("replied_by", "text")
        .addColumn("replied_at", "bigint")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("inbox_status_idx").on("inbox_items").columns(["status", "created_at"]).execute();
      await db.schema
        .createIndex("inbox_conversation_idx")
        .on("inbox_items")
        .columns(["conversation_id", "created_at"])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ["inbox_items", "csat", "handoffs", "fields", "messages", "conversations", "agents", "customers"]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
