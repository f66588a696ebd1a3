/**
 * JSON columns travel as text on both dialects: written with JSON.stringify and read with
 * JSON.parse (PostgreSQL's jsonb parser is set to hand back the raw text, see postgres-kysely.ts).
 *
 * @example
 * readJson<{ a: number }>(writeJson({ a: 1 })).a; // 1
 */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses a JSON column; a non-string means a driver handed back an already-parsed value. */
export function readJson<T>(text: unknown): T {
  return (typeof text === "string" ? JSON.parse(text) : text) as T;
}

/** As writeJson, keeping null as SQL NULL. */
export function writeNullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** As readJson, keeping SQL NULL as null. */
export function readNullableJson<T>(text: unknown): T | null {
  return text === null || text === undefined ? null : readJson<T>(text);
}
