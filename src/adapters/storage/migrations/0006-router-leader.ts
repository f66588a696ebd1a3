import type { Kysely, Migration } from "kysely";

/**
 * Several nodes: one router leader at a time. `router_leader` holds the single row of the current
 * leader: its epoch (the fencing token, raised by every node that takes the PostgreSQL advisory
 * lock), which node it is, and the id of the last router command it applied from the Redis
 * command stream (a new leader reads on from there). Each routing write to a conversation records
 * the epoch it was made under, and is refused unless that epoch is still the leader's.
 *
 * @example
 * const migration = routerLeaderMigration();
 */
export function routerLeaderMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("router_leader")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("epoch", "bigint", (c) => c.notNull())
        .addColumn("node_id", "text", (c) => c.notNull())
        .addColumn("elected_at", "bigint", (c) => c.notNull())
        .addColumn("last_applied_id", "text", (c) => c.notNull().defaultTo("0-0"))
        .execute();
      await db.schema
        .alterTable("conversations")
        .addColumn("router_epoch", "bigint", (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("conversations").dropColumn("router_epoch").execute();
      await db.schema.dropTable("router_leader").execute();
    },
  };
}
