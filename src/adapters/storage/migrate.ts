import { type Kysely, Migrator } from "kysely";
import type { BatonDatabase } from "./database.js";
import { migrationsFor } from "./migrations/index.js";
import type { DialectTraits } from "./storage-dialect.js";

/**
 * Brings the schema up to date; throws with the failing migration's name if one fails.
 *
 * @example
 * await migrateToLatest(db, traitsOf("sqlite"));
 */
export async function migrateToLatest(
  db: Kysely<BatonDatabase>,
  traits: DialectTraits,
  schema?: string,
): Promise<void> {
  const migrations = migrationsFor(traits);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    throw new Error(`storage migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
