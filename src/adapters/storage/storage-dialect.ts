import type { ColumnDataType } from "kysely";

/** The SQL dialects Baton stores into. */
export type StorageDialect = "sqlite" | "postgres";

/** What differs between the dialects in DDL; queries themselves are shared. */
export interface DialectTraits {
  readonly dialect: StorageDialect;
  /** Column type for JSON documents: TEXT in SQLite, jsonb in PostgreSQL. */
  readonly jsonType: ColumnDataType;
}

/**
 * The DDL traits of one dialect.
 *
 * @example
 * traitsOf("postgres").jsonType; // "jsonb"
 */
export function traitsOf(dialect: StorageDialect): DialectTraits {
  switch (dialect) {
    case "sqlite":
      return { dialect, jsonType: "text" };
    case "postgres":
      return { dialect, jsonType: "jsonb" };
  }
}
