/**
 * Writes the SQL snapshots: src/queries/<dialect>/<name>.sql for every dialect, removing stale ones.
 * Run after changing a query or migration: `npm run sync:sql`.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderSqlSnapshots } from "../src/adapters/storage/sql-snapshots.js";
import type { StorageDialect } from "../src/adapters/storage/storage-dialect.js";

const root = join(import.meta.dirname, "..", "src", "queries");

for (const dialect of ["sqlite", "postgres"] as const satisfies readonly StorageDialect[]) {
  const dir = join(root, dialect);
  await mkdir(dir, { recursive: true });
  const files = await renderSqlSnapshots(dialect);
  for (const existing of await readdir(dir)) {
    if (existing.endsWith(".sql") && !files.has(existing.slice(0, -4))) await rm(join(dir, existing));
  }
  for (const [name, text] of files) await writeFile(join(dir, `${name}.sql`), text);
  console.log(`${dialect}: ${files.size} snapshots in ${dir}`);
}
