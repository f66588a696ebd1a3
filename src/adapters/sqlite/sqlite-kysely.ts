import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { BatonDatabase } from "../storage/database.js";

/** How long a writer waits for another process's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a SQLite file (or ":memory:") for Kysely: WAL journal for files, foreign keys on,
 * busy_timeout set. Creates the file's parent directory if it is missing.
 *
 * @example
 * const db = openSqliteKysely("./data/baton.db");
 */
export function openSqliteKysely(path: string): Kysely<BatonDatabase> {
  const memory = path === ":memory:" || path === "";
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const database = new Database(memory ? ":memory:" : path);
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!memory) database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  return new Kysely<BatonDatabase>({ dialect: new SqliteDialect({ database }) });
}
