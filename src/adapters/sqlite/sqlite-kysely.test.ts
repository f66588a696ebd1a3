import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteKysely } from "./sqlite-kysely.js";

describe("openSqliteKysely", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it("creates the parent directory and opens the file in WAL mode with foreign keys and a busy timeout", async () => {
    const dir = await mkdtemp(join(tmpdir(), "baton-sqlite-"));
    dirs.push(dir);
    const file = join(dir, "a", "b", "baton.db");
    const db = openSqliteKysely(file);
    try {
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as Record<string, unknown>)[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("foreign_keys")).toBe(1);
      expect(await pragma("busy_timeout")).toBe(5000);
      expect(existsSync(file)).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it("opens an in-memory database without touching the disk", async () => {
    const db = openSqliteKysely(":memory:");
    try {
      const rows = (await sql<{ v: number }>`select 1 + 1 as v`.execute(db)).rows;
      expect(rows).toEqual([{ v: 2 }]);
    } finally {
      await db.destroy();
    }
  });
});
