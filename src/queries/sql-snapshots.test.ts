import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSqlSnapshots } from "../adapters/storage/sql-snapshots.js";

const HINT = "SQL snapshots drifted from the code: run `npm run sync:sql` and commit src/queries";

describe.each(["sqlite", "postgres"] as const)("SQL snapshots (%s)", (dialect) => {
  it("match the queries and migrations the store runs", async () => {
    const dir = join(import.meta.dirname, dialect);
    const expected = await renderSqlSnapshots(dialect);
    const onDisk = (await readdir(dir)).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4));
    expect(onDisk.sort(), HINT).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) {
      expect(await readFile(join(dir, `${name}.sql`), "utf8"), `${HINT} (${dialect}/${name}.sql)`).toBe(text);
    }
  });
});
