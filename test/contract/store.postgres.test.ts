import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/adapters/storage/index.js";
import { IN_CI, PG_URL, pgProblem } from "../integration/pg-database.js";
import { conversation } from "./fixtures.js";
import { storeContract } from "./store.contract.js";

const url = PG_URL;
const wanted = process.env.DB === undefined || process.env.DB === "" || process.env.DB === "postgres";

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

const problem = wanted ? await pgProblem() : null;

if (!wanted) {
  describe.skip(`store contract (postgres): skipped because DB=${process.env.DB}`, () => {
    it("skipped", () => {});
  });
} else if (problem !== null) {
  if (IN_CI) {
    describe("store contract (postgres)", () => {
      it("needs PostgreSQL in CI", () => {
        throw new Error(`PostgreSQL at ${url} is unreachable: ${problem}`);
      });
    });
  } else {
    console.warn(`\n[store.postgres] SKIPPED: PostgreSQL at ${url} is unreachable (${problem}). Set BATON_TEST_PG_URL.\n`);
    describe.skip(`store contract (postgres): PostgreSQL unreachable at ${url}`, () => {
      it("skipped", () => {});
    });
  }
} else {
  // A random prefix per run, a fresh schema per test, each dropped after its test.
  const run = randomBytes(4).toString("hex");
  let n = 0;
  storeContract({
    dialect: "postgres",
    fresh: async () => {
      const schema = `baton_test_${run}_${++n}`;
      return { open: () => openStore(url, { schema }), dispose: () => dropSchema(schema) };
    },
  });

  describe("postgres specifics", () => {
    it("keeps each schema's tables apart", async () => {
      const [a, b] = [`baton_test_${run}_iso_a`, `baton_test_${run}_iso_b`];
      const storeA = await openStore(url, { schema: a });
      const storeB = await openStore(url, { schema: b });
      try {
        await storeA.conversations.createConversation(conversation("c1"));
        expect(await storeA.conversations.getConversation("c1")).not.toBeNull();
        expect(await storeB.conversations.getConversation("c1")).toBeNull();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const tables = await client
          .query<{ n: string }>("select count(*)::text as n from information_schema.tables where table_schema = $1 and table_name = 'conversations'", [a])
          .finally(() => client.end());
        expect(tables.rows[0]?.n).toBe("1");
      } finally {
        await storeA.close();
        await storeB.close();
        await dropSchema(a);
        await dropSchema(b);
      }
    });

    it("refuses a schema name that is not a plain identifier", async () => {
      await expect(openStore(url, { schema: 'x"; drop table y; --' })).rejects.toThrow(/invalid PostgreSQL schema name/);
    });
  });
}
