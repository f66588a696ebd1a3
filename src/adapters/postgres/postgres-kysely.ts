import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { BatonDatabase } from "../storage/database.js";

const INT8_OID = 20;
const JSONB_OID = 3802;
const JSON_OID = 114;

/**
 * Type parsers for this pool only (the global pg.types stay untouched): bigint epoch ms come
 * back as JS numbers (exact below 2^53, which epoch ms are), JSON columns as raw text so both
 * dialects read JSON the same way.
 */
const batonTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === JSONB_OID || oid === JSON_OID) return (value: string) => value;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a schema name before it goes into `search_path` and DDL.
 *
 * @example
 * assertSchemaName("baton_test_1a2b"); // ok; "x; drop" throws
 */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _`);
  }
}

/**
 * Opens a pg pool for Kysely. With `schema`, the schema is created if missing and every pooled
 * connection gets `search_path` set to it, so the tables live apart from other runs.
 *
 * @example
 * const db = await openPostgresKysely("postgres://postgres@127.0.0.1:5432/test", "baton_test_42");
 */
export async function openPostgresKysely(url: string, schema?: string): Promise<Kysely<BatonDatabase>> {
  if (schema !== undefined) {
    assertSchemaName(schema);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    types: batonTypes,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client dropped by the server (restart, failover) must not crash the process: pg has
  // already removed it from the pool, and the next query opens a fresh connection.
  pool.on("error", () => {});
  return new Kysely<BatonDatabase>({ dialect: new PostgresDialect({ pool }) });
}
