import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server tests use (CI sets BATON_TEST_PG_URL and starts the server). */
export const PG_URL = process.env.BATON_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/test";

/** True under CI: a missing PostgreSQL is then a failure, never a silent skip. */
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== "false";

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function pgProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new, uniquely named database on the test server (so parallel runs never share tables). */
export async function freshPgDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `baton_${label}_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
