import type { Kysely, Migration } from "kysely";

/**
 * A message served through machine translation keeps both texts: `text` stays the author's own
 * words, and `translation` (JSON: text, from, to, via, edited, error) holds the other side's.
 *
 * @example
 * const migration = messageTranslationsMigration();
 */
export function messageTranslationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("messages").addColumn("translation", "text").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("messages").dropColumn("translation").execute();
    },
  };
}
