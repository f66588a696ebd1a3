import { DomainError } from "../../core/errors.js";

/** Driver error codes for constraint violations: better-sqlite3 (SQLITE_*) and pg (SQLSTATE). */
const FOREIGN_KEY = new Set(["SQLITE_CONSTRAINT_FOREIGNKEY", "23503"]);
const UNIQUE = new Set(["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE", "23505"]);

/**
 * Turns a constraint violation from either driver into a DomainError (every foreign key in the
 * schema points at conversations, so a missing parent is `conversation_not_found`; a taken key is
 * `conflict`). Anything else is returned unchanged.
 *
 * @example
 * await query.execute().catch((e) => { throw translateDbError(e, { conversationId }); });
 */
export function translateDbError(error: unknown, details: Readonly<Record<string, unknown>>): unknown {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== "string") return error;
  const cause = error instanceof Error ? error.message : String(error);
  if (FOREIGN_KEY.has(code)) {
    return new DomainError("conversation_not_found", `no conversation ${String(details.conversationId)}`, {
      ...details,
      cause,
    });
  }
  if (UNIQUE.has(code)) return new DomainError("conflict", `already stored: ${cause}`, { ...details, cause });
  return error;
}

/**
 * Runs a write, translating constraint violations (see translateDbError).
 *
 * @example
 * await guardWrite(() => insertConversation(db, c).execute(), { id: c.id });
 */
export async function guardWrite<T>(write: () => Promise<T>, details: Readonly<Record<string, unknown>>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw translateDbError(e, details);
  }
}
