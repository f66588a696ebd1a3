import { expect, it } from "vitest";
import type { CannedResponse } from "../../src/ports/desk.store.js";
import { conversation, message, T0 } from "./fixtures.js";
import { expectDomainError, type StoreUnderTest } from "./store.contract.js";

const canned = (id: string, over: Partial<CannedResponse> = {}): CannedResponse => ({
  id,
  team: "billing",
  ownerId: null,
  shortcut: id,
  title: `Title ${id}`,
  text: "Hi {visitor.name}, your order {field.order_number} is on its way.",
  updatedAt: T0,
  ...over,
});

/** Canned responses, private notes and full-text search over transcripts (issue 17). */
export function deskContract(t: () => StoreUnderTest): void {
  it("keeps canned responses per team and per agent, replaces by id and deletes", async () => {
    const { desk } = t().store;
    await desk.saveCanned(canned("refund"));
    await desk.saveCanned(canned("bug", { team: "technical" }));
    await desk.saveCanned(canned("mine", { team: null, ownerId: "maria" }));
    await desk.saveCanned(canned("theirs", { team: null, ownerId: "tom" }));
    const shortcuts = async (f: Parameters<typeof desk.listCanned>[0]) => (await desk.listCanned(f)).map((c) => c.shortcut);
    expect(await shortcuts({ teams: ["billing"], ownerId: "maria" })).toEqual(["mine", "refund"]);
    expect(await shortcuts({ teams: [], ownerId: "tom" })).toEqual(["theirs"]);
    expect(await shortcuts({ teams: [], ownerId: null })).toEqual([]);
    expect(await shortcuts({ teams: "all", ownerId: null })).toEqual(["bug", "refund"]);
    await desk.saveCanned(canned("refund", { shortcut: "refunds", text: "changed", updatedAt: T0 + 5 }));
    expect(await desk.getCanned("refund")).toEqual(canned("refund", { shortcut: "refunds", text: "changed", updatedAt: T0 + 5 }));
    expect(await desk.deleteCanned("refund")).toBe(true);
    expect(await desk.deleteCanned("refund")).toBe(false);
    expect(await desk.getCanned("refund")).toBeNull();
  });

  it("keeps one device per visitor, the latest", async () => {
    const { desk } = t().store;
    expect(await desk.getVisitorDevice("v1")).toBeNull();
    const d = { visitorId: "v1", userAgent: "UA 1", browser: "Chrome 120", os: "Linux", device: "desktop", updatedAt: T0 };
    await desk.saveVisitorDevice(d);
    expect(await desk.getVisitorDevice("v1")).toEqual(d);
    const next = { ...d, userAgent: "UA 2", browser: null, os: null, device: null, updatedAt: T0 + 1 };
    await desk.saveVisitorDevice(next);
    expect(await desk.getVisitorDevice("v1")).toEqual(next);
  });

  it("keeps one read mark per conversation and reader, the latest", async () => {
    const { desk, conversations } = t().store;
    await conversations.createConversation(conversation("c1"));
    await conversations.createConversation(conversation("c2"));
    expect(await desk.listReadMarks("c1")).toEqual([]);
    await desk.saveReadMark({ conversationId: "c1", reader: "agent", messageId: "m1", at: T0 });
    await desk.saveReadMark({ conversationId: "c1", reader: "visitor", messageId: "m2", at: T0 + 1 });
    await desk.saveReadMark({ conversationId: "c1", reader: "agent", messageId: "m3", at: T0 + 2 });
    await desk.saveReadMark({ conversationId: "c2", reader: "agent", messageId: "m9", at: T0 });
    expect(await desk.listReadMarks("c1")).toEqual([
      { conversationId: "c1", reader: "agent", messageId: "m3", at: T0 + 2 },
      { conversationId: "c1", reader: "visitor", messageId: "m2", at: T0 + 1 },
    ]);
    expect((await desk.listReadMarks("c2")).map((m) => m.messageId)).toEqual(["m9"]);
  });

  it("keeps a conversation's attachments, oldest first, counts recent ones, and refuses one on no conversation", async () => {
    const { conversations, desk } = t().store;
    await conversations.createConversation(conversation("c1"));
    const a = {
      id: "a1",
      conversationId: "c1",
      messageId: "m1",
      uploader: "visitor" as const,
      uploaderId: null,
      name: "screenshot.png",
      contentType: "image/png",
      size: 5_000_000_000,
      storageKey: "c1/a1",
      accessKey: "k".repeat(32),
      createdAt: T0,
    };
    await desk.addAttachment({ ...a, id: "a2", uploader: "agent", uploaderId: "maria", createdAt: T0 + 10 });
    await desk.addAttachment(a);
    expect(await desk.getAttachment("a1")).toEqual(a);
    expect(await desk.getAttachment("nope")).toBeNull();
    expect((await desk.listAttachments("c1")).map((x) => x.id)).toEqual(["a1", "a2"]);
    expect((await desk.listAttachments("c1", T0 + 1)).map((x) => x.id)).toEqual(["a2"]);
    expect(await desk.listAttachments("c2")).toEqual([]);
    await expectDomainError(desk.addAttachment(a), "conflict");
    await expectDomainError(desk.addAttachment({ ...a, id: "a3", conversationId: "ghost" }), "conversation_not_found");
  });

  it("keeps a conversation's notes in order with their mentions, and refuses a note on no conversation", async () => {
    const { conversations, desk } = t().store;
    await conversations.createConversation(conversation("c1"));
    await desk.addNote({ id: "n2", conversationId: "c1", authorId: "maria", text: "second", mentions: [], at: T0 + 2 });
    await desk.addNote({ id: "n1", conversationId: "c1", authorId: "maria", text: "@tom can you check?", mentions: ["tom"], at: T0 + 1 });
    expect(await desk.listNotes("c1")).toEqual([
      { id: "n1", conversationId: "c1", authorId: "maria", text: "@tom can you check?", mentions: ["tom"], at: T0 + 1 },
      { id: "n2", conversationId: "c1", authorId: "maria", text: "second", mentions: [], at: T0 + 2 },
    ]);
    expect(await desk.listNotes("c2")).toEqual([]);
    await expectDomainError(desk.addNote({ id: "n3", conversationId: "ghost", authorId: "maria", text: "x", mentions: [], at: T0 }), "conversation_not_found");
  });

  it("finds messages by every word, case-insensitively, the last word as a prefix, and never by part of the FTS syntax", async () => {
    const { conversations, desk } = t().store;
    await conversations.createConversation(conversation("c1"));
    await conversations.createConversation(conversation("c2"));
    await conversations.appendMessage(message("m1", "c1", { text: "My invoice INV-2041 was charged twice", at: T0 + 1, clientMessageId: "k1" }));
    await conversations.appendMessage(message("m2", "c2", { text: "Where is my parcel?", at: T0 + 2, clientMessageId: "k2" }));
    await conversations.appendMessage(message("m3", "c2", { text: "The invoice is fine now", at: T0 + 3, clientMessageId: "k3" }));
    const ids = async (q: string) => (await desk.searchMessages(q, 10)).map((h) => h.messageId).sort();
    expect(await ids("INVOICE")).toEqual(["m1", "m3"]);
    expect(await ids("invoice twice")).toEqual(["m1"]);
    expect(await ids("inv 2041")).toEqual(["m1"]);
    expect(await ids("parc")).toEqual(["m2"]);
    expect(await ids("refund")).toEqual([]);
    expect(await ids('" OR * NEAR( :')).toEqual([]);
    expect(await ids("")).toEqual([]);
    expect(await desk.searchMessages("invoice", 1)).toHaveLength(1);
    const [hit] = await desk.searchMessages("parcel", 10);
    expect(hit).toEqual({ conversationId: "c2", messageId: "m2", text: "Where is my parcel?", at: T0 + 2 });
  });
}
