import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/adapters/storage/index.js";
import { conversation } from "./fixtures.js";
import { storeContract } from "./store.contract.js";

const wanted = process.env.DB === undefined || process.env.DB === "" || process.env.DB === "sqlite";

if (!wanted) {
  describe.skip(`store contract (sqlite): skipped because DB=${process.env.DB}`, () => {
    it("skipped", () => {});
  });
} else {
  // Each test gets its own file in a new, not yet existing sub-directory (openStore creates it).
  storeContract({
    dialect: "sqlite",
    fresh: async () => {
      const dir = await mkdtemp(join(tmpdir(), "baton-store-"));
      const url = `sqlite:${join(dir, "nested", "baton.db")}`;
      return { open: () => openStore(url), dispose: () => rm(dir, { recursive: true, force: true }) };
    },
  });

  describe("sqlite specifics", () => {
    it("keeps an in-memory store working and private to its opener", async () => {
      const a = await openStore("sqlite::memory:");
      const b = await openStore("sqlite::memory:");
      try {
        await a.conversations.createConversation(conversation("c1"));
        expect(await a.conversations.getConversation("c1")).not.toBeNull();
        expect(await b.conversations.getConversation("c1")).toBeNull();
      } finally {
        await a.close();
        await b.close();
      }
    });

    it("rejects a schema option, which only PostgreSQL has", async () => {
      await expect(openStore("sqlite::memory:", { schema: "x" })).rejects.toThrow(/PostgreSQL only/);
    });
  });
}
