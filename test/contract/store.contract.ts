import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenedStore } from "../../src/adapters/storage/index.js";
import { isDomainError } from "../../src/core/errors.js";
import { conversation, message, NLU, T0 } from "./fixtures.js";
import { deskContract } from "./store-desk.contract.js";
import { messagesContract } from "./store-messages.contract.js";
import { recordsContract } from "./store-records.contract.js";
import { sessionsContract } from "./store-sessions.contract.js";

/** One empty place to store into (a SQLite file, a PostgreSQL schema); `open` may be called again to reopen it. */
export interface StorePlace {
  open(): Promise<OpenedStore>;
  dispose(): Promise<void>;
}

/** What each dialect's test file hands the contract. */
export interface StoreHarness {
  readonly dialect: OpenedStore["dialect"];
  fresh(): Promise<StorePlace>;
}

/** The store under test, opened fresh before each test and closed after. */
export interface StoreUnderTest {
  readonly store: OpenedStore;
  readonly place: StorePlace;
}

/** Expects `p` to reject with a DomainError carrying `code`. */
export async function expectDomainError(p: Promise<unknown>, code: string): Promise<void> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error), `expected DomainError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

/**
 * The contract every ConversationStore + AgentDirectory must meet, run once per dialect.
 *
 * @example
 * storeContract({ dialect: "sqlite", fresh: async () => sqlitePlace() });
 */
export function storeContract(harness: StoreHarness): void {
  describe(`store contract (${harness.dialect})`, () => {
    let current: StoreUnderTest | undefined;
    const reopened: OpenedStore[] = [];
    const t = (): StoreUnderTest => {
      if (current === undefined) throw new Error("store not open");
      return current;
    };

    beforeEach(async () => {
      const place = await harness.fresh();
      current = { place, store: await place.open() };
    });
    afterEach(async () => {
      for (const s of reopened.splice(0)) await s.close();
      if (current !== undefined) {
        await current.store.close();
        await current.place.dispose();
        current = undefined;
      }
    });

    it("reports its dialect and closes twice without error", async () => {
      expect(t().store.dialect).toBe(harness.dialect);
      await t().store.close();
      await t().store.close();
    });

    it("round-trips a conversation with every field set, numbers as numbers", async () => {
      const { conversations } = t().store;
      const full = conversation("c-full", {
        state: "assigned",
        customerId: "cust-1",
        language: "pt",
        page: { url: "https://shop.example/checkout?x=1", title: "Checkout — ünïcode" },
        visitorTimeZone: "America/Sao_Paulo",
        assignedAgentId: "agent-1",
        ruleId: "rule-vip",
        priority: 120.5,
        slaDeadline: T0 + 30_000,
        updatedAt: T0 + 5,
        resolvedAt: T0 + 9,
      });
      await conversations.createConversation(full);
      await conversations.createConversation(conversation("c-min"));
      const got = await conversations.getConversation("c-full");
      expect(got).toEqual(full);
      expect(typeof got?.createdAt).toBe("number");
      expect(typeof got?.slaDeadline).toBe("number");
      expect(await conversations.getConversation("c-min")).toEqual(conversation("c-min"));
      expect(await conversations.getConversation("nope")).toBeNull();
    });

    it("rejects a second conversation with the same id", async () => {
      const { conversations } = t().store;
      await conversations.createConversation(conversation("c1", { language: "en" }));
      await expectDomainError(conversations.createConversation(conversation("c1", { language: "fr" })), "conflict");
      expect((await conversations.getConversation("c1"))?.language).toBe("en");
    });

    it("updates only the patched columns, including setting null, and reports a missing id", async () => {
      const { conversations } = t().store;
      await conversations.createConversation(conversation("c1", { assignedAgentId: "a1", page: { url: "u", title: "t" } }));
      const updated = await conversations.updateConversation("c1", {
        state: "queued",
        assignedAgentId: null,
        page: null,
        slaDeadline: T0 + 1,
        updatedAt: T0 + 2,
      });
      expect(updated).toEqual(
        conversation("c1", { state: "queued", assignedAgentId: null, page: null, slaDeadline: T0 + 1, updatedAt: T0 + 2 }),
      );
      expect(await conversations.getConversation("c1")).toEqual(updated);
      expect(await conversations.updateConversation("c1", {})).toEqual(updated);
      await expectDomainError(conversations.updateConversation("missing", { state: "bot" }), "conversation_not_found");
      await expectDomainError(conversations.updateConversation("missing", {}), "conversation_not_found");
    });

    it("lists conversations by state, agent, visitor and customer, oldest first, with a limit", async () => {
      const { conversations } = t().store;
      await conversations.createConversation(conversation("c3", { state: "queued", createdAt: T0 + 3, visitorId: "v2" }));
      await conversations.createConversation(conversation("c1", { state: "queued", createdAt: T0 + 1 }));
      await conversations.createConversation(
        conversation("c2", { state: "assigned", assignedAgentId: "a1", createdAt: T0 + 2, visitorId: "v2" }),
      );
      await conversations.createConversation(conversation("c4", { state: "resolved", createdAt: T0 + 4, customerId: "cust-1" }));
      const ids = async (f: Parameters<typeof conversations.listConversations>[0]) =>
        (await conversations.listConversations(f)).map((c) => c.id);
      expect(await ids({})).toEqual(["c1", "c2", "c3", "c4"]);
      expect(await ids({ states: ["queued"] })).toEqual(["c1", "c3"]);
      expect(await ids({ states: ["queued", "assigned"] })).toEqual(["c1", "c2", "c3"]);
      expect(await ids({ states: [] })).toEqual([]);
      expect(await ids({ agentId: "a1" })).toEqual(["c2"]);
      expect(await ids({ visitorId: "v2" })).toEqual(["c2", "c3"]);
      expect(await ids({ visitorId: "v2", states: ["queued"] })).toEqual(["c3"]);
      expect(await ids({ limit: 2 })).toEqual(["c1", "c2"]);
      expect(await ids({ customerId: "cust-1" })).toEqual(["c4"]);
      expect(await ids({ customerId: "nobody" })).toEqual([]);
    });

    it("upserts fields by name with their source", async () => {
      const { conversations } = t().store;
      await conversations.createConversation(conversation("c1"));
      await conversations.upsertField("c1", {
        name: "order_number",
        value: "A-1",
        source: { kind: "message", messageId: "m1" },
        at: T0 + 1,
      });
      await conversations.upsertField("c1", { name: "email", value: "x@y.z", source: { kind: "crm" }, at: T0 });
      await conversations.upsertField("c1", { name: "order_number", value: "A-2", source: { kind: "page" }, at: T0 + 2 });
      expect(await conversations.listFields("c1")).toEqual([
        { name: "email", value: "x@y.z", source: { kind: "crm" }, at: T0 },
        { name: "order_number", value: "A-2", source: { kind: "page" }, at: T0 + 2 },
      ]);
      expect(await conversations.listFields("other")).toEqual([]);
    });

    it("commits a transaction's writes together and passes its result through", async () => {
      const { conversations } = t().store;
      const result = await conversations.transaction(async (tx) => {
        await tx.createConversation(conversation("c1"));
        await tx.appendMessage(message("m1", "c1"));
        expect(await tx.getConversation("c1")).not.toBeNull();
        return 42;
      });
      expect(result).toBe(42);
      expect(await conversations.listMessages("c1")).toHaveLength(1);
    });

    it("rolls back everything when the transaction throws, nested calls included", async () => {
      const { conversations, agents } = t().store;
      const boom = new Error("boom");
      await expect(
        conversations.transaction(async (tx) => {
          await tx.createConversation(conversation("c1"));
          await tx.transaction(async (inner) => {
            await inner.appendMessage(message("m1", "c1", { clientMessageId: "k" }));
            await inner.upsertField("c1", { name: "f", value: "v", source: { kind: "crm" }, at: T0 });
          });
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await conversations.getConversation("c1")).toBeNull();
      expect(await conversations.listMessages("c1")).toEqual([]);
      expect(await conversations.listFields("c1")).toEqual([]);
      // The store still works after the rollback.
      await conversations.createConversation(conversation("c1"));
      expect(await conversations.getConversation("c1")).not.toBeNull();
      expect(await agents.listAgents()).toEqual([]);
    });

    it("keeps its data when reopened", async () => {
      const { conversations, agents } = t().store;
      await conversations.createConversation(conversation("c1", { page: { url: "u", title: "t" } }));
      await conversations.appendMessage(message("m1", "c1", { clientMessageId: "k", nlu: NLU }));
      await agents.upsertAgent({ id: "a1", name: "A", email: "a@x", role: "admin", teams: [], skills: [], languages: ["en"], translationEnabled: true, senior: false, cap: 2 }, "s:h");
      await t().store.close();
      const again = await t().place.open();
      reopened.push(again);
      expect(await again.conversations.getConversation("c1")).toEqual(conversation("c1", { page: { url: "u", title: "t" } }));
      expect(await again.conversations.listMessages("c1")).toEqual([message("m1", "c1", { clientMessageId: "k", nlu: NLU })]);
      expect((await again.conversations.appendMessage(message("m9", "c1", { clientMessageId: "k" }))).duplicate).toBe(true);
      expect((await again.agents.getAgent("a1"))?.passwordHash).toBe("s:h");
    });

    messagesContract(t);
    recordsContract(t);
    sessionsContract(t);
    deskContract(t);
  });
}
