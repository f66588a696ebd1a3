import fc from "fast-check";
import { expect, it } from "vitest";
import type { Message } from "../../src/core/model.js";
import { conversation, message, NLU, T0 } from "./fixtures.js";
import { expectDomainError, type StoreUnderTest } from "./store.contract.js";

/** Messages: round-trips, idempotent appends (sequential, concurrent, against a model) and order. */
export function messagesContract(t: () => StoreUnderTest): void {
  it("round-trips messages with NLU JSON and nulls", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    const withNlu = message("m1", "c1", { clientMessageId: "k1", nlu: NLU, text: "quiero hablar con una persona" });
    const fromAgent = message("m2", "c1", { author: "agent", authorId: "a1", at: T0 + 1 });
    expect(await conversations.appendMessage(withNlu)).toEqual({ message: withNlu, duplicate: false });
    expect(await conversations.appendMessage(fromAgent)).toEqual({ message: fromAgent, duplicate: false });
    expect(await conversations.listMessages("c1")).toEqual([withNlu, fromAgent]);
    expect(await conversations.listMessages("other")).toEqual([]);
  });

  it("keeps a translation beside the original text, both languages with it (migration 0007)", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    const original = message("m1", "c1", { text: "Me cobraron dos veces" });
    await conversations.appendMessage(original);
    const translation = { text: "They charged me twice", from: "es", to: "en", via: null, edited: false, error: null };
    await conversations.setMessageTranslation("m1", translation);
    expect(await conversations.listMessages("c1")).toEqual([{ ...original, translation }]);
    const reply = message("m2", "c1", {
      author: "agent",
      authorId: "a1",
      at: T0 + 1,
      text: "I refunded the second charge",
      translation: { text: "Reembolsé el segundo cargo", from: "en", to: "es", via: null, edited: true, error: null },
    });
    await conversations.appendMessage(reply);
    const failed = { text: null, from: "es", to: "en", via: null, edited: false, error: "translator unavailable" };
    await conversations.setMessageTranslation("m1", failed);
    expect(await conversations.listMessages("c1")).toEqual([{ ...original, translation: failed }, reply]);
  });

  it("stores a message once per (conversation, client message id)", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    await conversations.createConversation(conversation("c2"));
    const first = message("m1", "c1", { clientMessageId: "k1", text: "first" });
    await conversations.appendMessage(first);
    const again = await conversations.appendMessage(message("m1-retry", "c1", { clientMessageId: "k1", text: "retry" }));
    expect(again).toEqual({ message: first, duplicate: true });
    // The same id sent again is a duplicate too.
    expect(await conversations.appendMessage(first)).toEqual({ message: first, duplicate: true });
    // The same client id in another conversation, and messages without one, are distinct.
    expect((await conversations.appendMessage(message("m2", "c2", { clientMessageId: "k1" }))).duplicate).toBe(false);
    expect((await conversations.appendMessage(message("m3", "c1"))).duplicate).toBe(false);
    expect((await conversations.appendMessage(message("m4", "c1"))).duplicate).toBe(false);
    expect((await conversations.listMessages("c1")).map((m) => m.id)).toEqual(["m1", "m3", "m4"]);
  });

  it("stores exactly one of 20 concurrent duplicate sends", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        conversations.appendMessage(message(`m-${i}`, "c1", { clientMessageId: "same", text: `try ${i}` })),
      ),
    );
    const stored = await conversations.listMessages("c1");
    expect(stored).toHaveLength(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    for (const r of results) expect(r.message).toEqual(stored[0]);
  });

  it("lists messages by `at`, then in insertion order", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    for (const [id, at] of [["a", 10], ["b", 5], ["c", 10], ["d", 5], ["e", 7]] as const) {
      await conversations.appendMessage(message(id, "c1", { at: T0 + at }));
    }
    expect((await conversations.listMessages("c1")).map((m) => m.id)).toEqual(["b", "d", "e", "a", "c"]);
  });

  it("appends like a model: one message per client id, listed by `at` then first arrival", async () => {
    const { conversations } = t().store;
    let run = 0;
    const send = fc.record({
      key: fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: null }),
      at: fc.integer({ min: 0, max: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(send, { maxLength: 15 }), async (sends) => {
        const cid = `prop-${run++}`;
        await conversations.createConversation(conversation(cid));
        const model: Message[] = [];
        for (const [i, s] of sends.entries()) {
          const m = message(`${cid}-${i}`, cid, { clientMessageId: s.key, at: T0 + s.at });
          const prior = s.key === null ? undefined : model.find((x) => x.clientMessageId === s.key);
          expect(await conversations.appendMessage(m)).toEqual(
            prior === undefined ? { message: m, duplicate: false } : { message: prior, duplicate: true },
          );
          if (prior === undefined) model.push(m);
        }
        const expected = model
          .map((m, i) => ({ m, i }))
          .sort((x, y) => x.m.at - y.m.at || x.i - y.i)
          .map((x) => x.m);
        expect(await conversations.listMessages(cid)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it("keeps an outbox of undecided messages: recorded with the message, listed oldest first, removed once decided", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    await conversations.createConversation(conversation("c2"));
    const a = message("a", "c1", { clientMessageId: "ka", at: T0 + 2, nlu: NLU });
    const b = message("b", "c1", { clientMessageId: "kb", at: T0 + 1 });
    const c = message("c", "c2", { clientMessageId: "kc", at: T0 + 3 });
    for (const m of [a, b, c]) {
      await conversations.transaction(async (tx) => {
        await tx.appendMessage(m);
        await tx.recordUndecided(m);
      });
    }
    await conversations.recordUndecided(a); // recording twice is harmless
    expect(await conversations.listUndecided({})).toEqual([b, a, c]);
    expect(await conversations.listUndecided({ conversationId: "c1" })).toEqual([b, a]);
    expect(await conversations.listUndecided({ limit: 1 })).toEqual([b]);
    await conversations.markDecided(["b", "c", "never-stored"]);
    await conversations.markDecided([]);
    expect(await conversations.listUndecided({})).toEqual([a]);
    await expectDomainError(conversations.recordUndecided(message("ghost", "nope")), "conversation_not_found");
  });

  it("rolls a message back with its outbox row, and decides with the decision's writes", async () => {
    const { conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    const m = message("m1", "c1", { clientMessageId: "k" });
    await expect(
      conversations.transaction(async (tx) => {
        await tx.appendMessage(m);
        await tx.recordUndecided(m);
        throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    expect(await conversations.listMessages("c1")).toEqual([]);
    expect(await conversations.listUndecided({})).toEqual([]);
    await conversations.transaction(async (tx) => {
      await tx.appendMessage(m);
      await tx.recordUndecided(m);
    });
    await expect(
      conversations.transaction(async (tx) => {
        await tx.appendMessage(message("bot-1", "c1", { author: "bot" }));
        await tx.markDecided(["m1"]);
        throw new Error("crash before the commit");
      }),
    ).rejects.toThrow("crash before the commit");
    expect(await conversations.listUndecided({})).toEqual([m]);
    expect((await conversations.listMessages("c1")).map((x) => x.id)).toEqual(["m1"]);
  });

  it("refuses records for an unknown conversation (foreign keys are on) with conversation_not_found", async () => {
    const { conversations } = t().store;
    await expectDomainError(conversations.appendMessage(message("m1", "ghost")), "conversation_not_found");
    await expectDomainError(
      conversations.upsertField("ghost", { name: "f", value: "v", source: { kind: "crm" }, at: T0 }),
      "conversation_not_found",
    );
    expect(await conversations.listMessages("ghost")).toEqual([]);
    expect(await conversations.listFields("ghost")).toEqual([]);
  });
}
