import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context/index.js";
import { CONVERSATION, TRIGGER, field, other, visitor } from "../../src/core/context/context.fixtures.js";
import type { Customer } from "../../src/core/model.js";
import { type ConsoleState, initialState, mergeLines, reduce } from "./console-state.js";
import { slaState } from "./sla.js";
import type { ChatLine, HandoffContextV1, PresentedMessage } from "./types.js";

const customer: Customer = {
  id: "carlos",
  name: "Carlos Pérez",
  email: "carlos@example.mx",
  plan: "Starter",
  tier: "standard",
  openTickets: 1,
  lifetimeValue: 340,
  csmAgentId: null,
  timeZone: null,
};

function context(id: string, at = TRIGGER.at): HandoffContextV1 {
  return buildContext({
    conversation: { ...CONVERSATION, id },
    messages: [visitor("m1", "Where is my order A-12345?", at - 2000), other("m2", "bot", "It ships today.", at - 1000), visitor("m3", "I want a human", at)],
    fields: [field("order_number", "A-12345", at - 2000)],
    customer,
    handoffs: [],
    trigger: { ...TRIGGER, at },
    rule: { id: "billing", name: "Billing" },
    priority: 50,
    slaDeadline: at + 60_000,
  });
}

const assigned = (state: ConsoleState, id: string) =>
  reduce(state, { kind: "chat", status: "assigned", context: context(id), expiresAt: null, explanation: null });

const message = (conversationId: string, id: string, author: PresentedMessage["author"], at: number, authorName = "Visitor"): PresentedMessage => ({
  id,
  conversationId,
  clientMessageId: null,
  author,
  authorName,
  text: `text ${id}`,
  at,
});

describe("console state", () => {
  it("puts an arriving chat on the desk and opens it when nothing is open", () => {
    const s = assigned(initialState, "c1");
    expect(s.chats.map((c) => c.id)).toEqual(["c1"]);
    expect(s.selected).toBe("c1");
    expect(s.chats[0]?.lines.map((l) => l.author)).toEqual(["visitor", "bot", "visitor"]);
    expect(assigned(s, "c2").selected).toBe("c1");
  });

  it("keeps a bot turn's quick replies and reading, and a visitor's quick-reply click, from a live message and from the reloaded context", () => {
    let s = assigned(initialState, "c1");
    const botTurn: PresentedMessage = {
      ...message("c1", "b9", "bot", TRIGGER.at + 1000, "Baton bot"),
      buttons: [{ title: "Track my order", payload: "/track" }],
      nlu: { intent: "orders.status", topic: "orders", confidence: 0.94, sentiment: 0 },
    };
    s = reduce(s, { kind: "message", message: botTurn });
    s = reduce(s, { kind: "message", message: { ...message("c1", "v9", "visitor", TRIGGER.at + 2000), quickReply: true } });
    const line = (id: string) => s.chats[0]?.lines.find((l) => l.id === id);
    expect(line("b9")).toMatchObject({ buttons: [{ title: "Track my order", payload: "/track" }], nlu: { intent: "orders.status", confidence: 0.94 } });
    expect(line("v9")?.quickReply).toBe(true);
    // A reconnect re-sends the context (without those live lines): they keep what they carried.
    s = assigned(s, "c1");
    expect(line("b9")?.buttons).toHaveLength(1);
    expect(line("v9")?.quickReply).toBe(true);
    expect(line("m1")?.quickReply).toBeUndefined();
  });

  it("is idempotent for the state a reconnect sends again, keeping live lines and unread counts", () => {
    let s = assigned(assigned(initialState, "c1"), "c2");
    s = reduce(s, { kind: "message", message: message("c2", "live1", "visitor", TRIGGER.at + 5000) });
    expect(s.chats[1]?.unread).toBe(1);
    const again = assigned(assigned(s, "c1"), "c2");
    expect(again.chats.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(again.chats[1]?.lines.map((l) => l.id)).toEqual(["m1", "m2", "m3", "live1"]);
    expect(again.chats[1]?.unread).toBe(1);
  });

  it("adds a live message once, names an identified visitor after the customer record, and ignores other chats", () => {
    let s = assigned(initialState, "c1");
    const m = message("c1", "live1", "visitor", TRIGGER.at + 1000);
    s = reduce(reduce(s, { kind: "message", message: m }), { kind: "message", message: m });
    expect(s.chats[0]?.lines.filter((l) => l.id === "live1")).toHaveLength(1);
    expect(s.chats[0]?.lines.at(-1)?.authorName).toBe("Carlos Pérez");
    expect(s.chats[0]?.unread).toBe(0);
    expect(reduce(s, { kind: "message", message: message("other", "x", "visitor", 1) })).toBe(s);
  });

  it("a translation that arrives late (message:translated) replaces the failed one on the same line, once", () => {
    let s = assigned(initialState, "c1");
    const base = message("c1", "live1", "visitor", TRIGGER.at + 1000);
    const failed = { text: null, from: "es", to: "en", via: null, edited: false, error: "Apertium APY is unreachable" };
    s = reduce(s, { kind: "message", message: { ...base, translation: failed } });
    s = reduce(s, { kind: "message", message: { ...base, translation: { ...failed, text: "Thanks", error: null } } });
    const lines = s.chats[0]?.lines.filter((l) => l.id === "live1") ?? [];
    expect(lines).toHaveLength(1);
    expect(lines[0]?.translation).toMatchObject({ text: "Thanks", error: null });
    expect(s.chats[0]?.unread).toBe(0);
  });

  it("removes a chat, opens the next one and says why", () => {
    let s = assigned(assigned(initialState, "c1"), "c2");
    s = reduce(s, { kind: "removed", conversationId: "c1", reason: "resolved" });
    expect(s.chats.map((c) => c.id)).toEqual(["c2"]);
    expect(s.selected).toBe("c2");
    expect(s.notice).toBe("Chat with Carlos Pérez resolved.");
    expect(reduce(s, { kind: "removed", conversationId: "nope", reason: "resolved" })).toBe(s);
  });

  it("shows the server's unanswered flag on that chat until the agent's first message, and says so", () => {
    let s = assigned(assigned(initialState, "c1"), "c2");
    s = reduce(s, { kind: "unanswered", conversationId: "c1", afterSeconds: 60 });
    expect(s.chats.map((c) => c.unansweredAfterSeconds)).toEqual([60, null]);
    expect(s.notice).toBe("Chat with Carlos Pérez not answered for 60 s: reply now or it goes to a colleague.");
    s = assigned(s, "c1");
    expect(s.chats[0]?.unansweredAfterSeconds).toBe(60);
    s = reduce(s, { kind: "message", message: message("c1", "v9", "visitor", TRIGGER.at + 70_000) });
    expect(s.chats[0]?.unansweredAfterSeconds).toBe(60);
    s = reduce(s, { kind: "message", message: message("c1", "a1", "agent", TRIGGER.at + 75_000, "María") });
    expect(s.chats[0]?.unansweredAfterSeconds).toBeNull();
    expect(reduce(s, { kind: "unanswered", conversationId: "nope", afterSeconds: 60 })).toBe(s);
    expect(reduce(s, { kind: "removed", conversationId: "c2", reason: "unanswered" }).notice).toBe(
      "Chat with Carlos Pérez passed to a colleague (not answered in time).",
    );
  });

  it("keeps an offer's expiry until the chat is accepted", () => {
    let s = reduce(initialState, { kind: "chat", status: "offered", context: context("c1"), expiresAt: 99, explanation: null });
    s = reduce(s, { kind: "chat", status: "offered", context: context("c1"), expiresAt: null, explanation: null });
    expect(s.chats[0]?.expiresAt).toBe(99);
    expect(assigned(s, "c1").chats[0]?.expiresAt).toBeNull();
  });
});

describe("mergeLines", () => {
  const line = fc.record({ id: fc.constantFrom("a", "b", "c", "d", "e"), at: fc.integer({ min: 0, max: 5 }) }).map(
    ({ id, at }): ChatLine => ({ id, at, author: "visitor", authorName: "V", text: id }),
  );
  it("keeps one line per id, in time order, and is idempotent", () => {
    fc.assert(
      fc.property(fc.array(line), fc.array(line), (a, b) => {
        const merged = mergeLines(a, b);
        expect(new Set(merged.map((l) => l.id)).size).toBe(merged.length);
        expect(new Set(merged.map((l) => l.id))).toEqual(new Set([...a, ...b].map((l) => l.id)));
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.at).toBeGreaterThanOrEqual(merged[i - 1]!.at);
        expect(mergeLines(merged, b)).toEqual(merged);
      }),
    );
  });
});

describe("slaState", () => {
  const chat = (lines: ChatLine[]) => ({ context: context("c1"), lines });
  const agentLine = (authorName: string, at: number): ChatLine => ({ id: `${authorName}-${at}`, author: "agent", authorName, text: "hi", at });
  it("runs until the holder's first message after the trigger, then says whether it was in time", () => {
    expect(slaState(chat([]), TRIGGER.at + 10_000, "Tom")).toEqual({ kind: "running", leftMs: 50_000 });
    expect(slaState(chat([]), TRIGGER.at + 70_000, "Tom")).toEqual({ kind: "running", leftMs: -10_000 });
    // Someone else's earlier reply (before a transfer) does not stop the new holder's clock.
    expect(slaState(chat([agentLine("María", TRIGGER.at)]), TRIGGER.at, "Tom").kind).toBe("running");
    expect(slaState(chat([agentLine("Tom", TRIGGER.at + 30_000)]), TRIGGER.at + 90_000, "Tom")).toEqual({ kind: "answered", met: true });
    expect(slaState(chat([agentLine("Tom", TRIGGER.at + 61_000)]), TRIGGER.at + 90_000, "Tom")).toEqual({ kind: "answered", met: false });
  });

  it("counts only what the visitor said as unread (issue 17), and merges private notes and attachments into the transcript", () => {
    let s = assigned(assigned(initialState, "c1"), "c2");
    s = reduce(s, { kind: "message", message: message("c2", "sys1", "system", TRIGGER.at + 1000, "Baton") });
    s = reduce(s, { kind: "message", message: message("c2", "bot1", "bot", TRIGGER.at + 1500, "Baton bot") });
    expect(s.chats.find((c) => c.id === "c2")?.unread).toBe(0);
    s = reduce(s, { kind: "message", message: message("c2", "v1", "visitor", TRIGGER.at + 2000) });
    expect(s.chats.find((c) => c.id === "c2")?.unread).toBe(1);

    const note = { id: "n1", conversationId: "c1", authorId: "maria", authorName: "María García", text: "@tom check", mentions: ["tom"], mentionNames: ["Tom Becker"], at: TRIGGER.at + 10 };
    s = reduce(s, { kind: "notes", notes: [note, note, { ...note, conversationId: "gone" }] });
    const lines = s.chats.find((c) => c.id === "c1")?.lines ?? [];
    expect(lines.filter((l) => l.author === "note").map((l) => [l.id, l.authorName, l.text])).toEqual([["note-n1", "María García", "@tom check"]]);
    expect(lines.at(-1)?.author).toBe("note");

    const file = { messageId: "m3", id: "a1", name: "x.png", type: "image/png", size: 10, url: "/api/attachments/a1/k", inline: true };
    s = reduce(s, { kind: "attachments", conversationId: "c1", attachments: [file] });
    expect(s.chats.find((c) => c.id === "c1")?.lines.find((l) => l.id === "m3")?.attachment).toEqual(file);
    const live = { ...message("c1", "m9", "visitor", TRIGGER.at + 20), attachment: { ...file, id: "a2" } };
    s = reduce(s, { kind: "message", message: live });
    expect(s.chats.find((c) => c.id === "c1")?.lines.find((l) => l.id === "m9")?.attachment?.id).toBe("a2");
  });
});
