import type { Kysely, Migration } from "kysely";

/**
 * A handoff sent straight to the async path (nobody could take it, or after hours) keeps the
 * reply time its visitor was promised: the seam report judges it against that promise, never
 * against a live SLA. And how many times an agent who did not answer it in time had it taken
 * back and routed again (the seam report counts these per rule).
 *
 * @example
 * const migration = handoffAsyncPromiseMigration();
 */
export function handoffAsyncPromiseMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("handoffs").addColumn("async_promised_by", "bigint").execute();
      await db.schema
        .alterTable("handoffs")
        .addColumn("unanswered_reassignments", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("handoffs").dropColumn("unanswered_reassignments").execute();
      await db.schema.alterTable("handoffs").dropColumn("async_promised_by").execute();
    },
  };
}
