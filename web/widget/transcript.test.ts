import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PresentedMessage, VisitorStatus } from "../../src/app/events.js";
import type { InboxItem } from "../../src/ports/conversation.store.js";
import type { OutboxItem } from "./outbox.js";
import { asyncDraft, type ChatMessage, latestIncoming, mergeHistory, pendingMessage, unreadCount, upsertMessage, wantsAsyncForm } from "./transcript.js";

const msg = (id: string, author: PresentedMessage["author"], text: string, cmid: string | null = null, at = 1): PresentedMessage => ({
  id,
  conversationId: "c1",
  clientMessageId: cmid,
  author,
  authorName: author,
  text,
  at,
});
const stored = (m: PresentedMessage): ChatMessage => ({ ...m, pending: false });
const out = (cmid: string, text: string): OutboxItem => ({ clientMessageId: cmid, text, page: { url: "u", title: "t" }, at: 5 });
const item = (over: Partial<InboxItem> = {}): InboxItem => ({
  id: "i1",
  conversationId: "c1",
  name: null,
  email: "a@b.example",
  text: "hello",
  promisedBy: 10,
  reason: "after_hours",
  status: "open",
  reply: null,
  repliedBy: null,
  repliedAt: null,
  createdAt: 3,
  ...over,
});

describe("upsertMessage", () => {
  it("replaces a pending message in place with its stored version", () => {
    const list = [stored(msg("b1", "bot", "hi")), pendingMessage(out("x", "hello"), "c1"), stored(msg("b2", "bot", "later"))];
    const next = upsertMessage(list, stored(msg("m1", "visitor", "hello", "x")));
    expect(next.map((m) => m.id)).toEqual(["b1", "m1", "b2"]);
    expect(next[1]!.pending).toBe(false);
  });

  it("never downgrades a stored message back to pending", () => {
    const list = [stored(msg("m1", "visitor", "hello", "x"))];
    expect(upsertMessage(list, pendingMessage(out("x", "hello"), "c1"))).toEqual(list);
  });

  it("appends a new message and replaces one with the same id", () => {
    const list = upsertMessage([], stored(msg("a", "bot", "one")));
    expect(upsertMessage(list, stored(msg("a", "bot", "edited")))).toEqual([stored(msg("a", "bot", "edited"))]);
    expect(upsertMessage(list, stored(msg("b", "bot", "two")))).toHaveLength(2);
  });

  it("keeps one message per id and per visitor client id, whatever arrives in whatever order", () => {
    // Each visitor message may arrive as: pending (outbox), echo ("message" event), ack, and in history.
    const arrival = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom("pending", "echo", "ack")), { maxLength: 40 });
    fc.assert(
      fc.property(arrival, fc.integer({ min: 0, max: 40 }), (events, historyAt) => {
        let list: ChatMessage[] = [];
        const server = (k: number) => msg(`m${k}`, "visitor", `text ${k}`, `c${k}`);
        const seen = new Set<number>();
        events.forEach(([k, kind], i) => {
          if (i === historyAt) {
            const history = [...seen].map(server);
            list = mergeHistory(list, history, [], [], "c1");
          }
          if (kind === "pending") list = upsertMessage(list, pendingMessage(out(`c${k}`, `text ${k}`), "c1"));
          else {
            seen.add(k);
            list = upsertMessage(list, stored(server(k)));
          }
        });
        const cmids = list.map((m) => m.clientMessageId);
        expect(new Set(cmids).size).toBe(cmids.length);
        expect(new Set(list.map((m) => m.id)).size).toBe(list.length);
        for (const k of seen) expect(list.find((m) => m.clientMessageId === `c${k}`)?.pending).toBe(false);
      }),
    );
  });
});

describe("mergeHistory", () => {
  it("redraws from history without duplicates, keeping unsent outbox messages at the end", () => {
    const current = [stored(msg("a", "visitor", "hi", "c-a")), stored(msg("b", "bot", "hello")), pendingMessage(out("c-x", "typed offline"), "c1")];
    const history = [msg("a", "visitor", "hi", "c-a"), msg("b", "bot", "hello"), msg("a", "visitor", "hi", "c-a")];
    const merged = mergeHistory(current, history, [], [out("c-x", "typed offline")], "c1");
    expect(merged.map((m) => m.id)).toEqual(["a", "b", "pending:c-x"]);
  });

  it("keeps a message published while the history was being read", () => {
    const merged = mergeHistory([stored(msg("late", "agent", "there?"))], [msg("a", "bot", "hi")], [], [], "c1");
    expect(merged.map((m) => m.id)).toEqual(["a", "late"]);
  });

  it("drops the pending copy of an outbox message the history already has", () => {
    const merged = mergeHistory([], [msg("m", "visitor", "hi", "c-x")], [], [out("c-x", "hi")], "c1");
    expect(merged).toHaveLength(1);
    expect(merged[0]!.pending).toBe(false);
  });

  it("shows an inbox reply once, whether or not its stored message is there", () => {
    const replied = item({ status: "replied", reply: "We refunded you.", repliedAt: 9 });
    expect(mergeHistory([], [], [replied], [], "c1").map((m) => m.text)).toEqual(["We refunded you."]);
    const withStored = mergeHistory([], [msg("r", "agent", "We refunded you.", "inbox-reply:i1")], [replied], [], "c1");
    expect(withStored.map((m) => m.id)).toEqual(["r"]);
  });

  it("forgets messages of another conversation", () => {
    const other: ChatMessage = { ...stored(msg("o", "bot", "old")), conversationId: "c0" };
    expect(mergeHistory([other], [], [], [], "c1")).toEqual([]);
  });
});

describe("wantsAsyncForm", () => {
  const status = (state: VisitorStatus["state"]): VisitorStatus => ({ conversationId: "c1", state, agent: null, wait: null, async: null });
  const asked = [stored(msg("v", "visitor", "help", "c-v", 2))];

  it("asks on the async path until a message is left after the visitor's last message", () => {
    expect(wantsAsyncForm(status("async"), [], asked)).toBe(true);
    expect(wantsAsyncForm(status("async"), [item({ createdAt: 3 })], asked)).toBe(false);
    expect(wantsAsyncForm(status("async"), [item({ createdAt: 1 })], asked)).toBe(true);
  });

  it("never asks off the async path", () => {
    for (const s of ["bot", "queued", "assigned", "resolved"] as const) expect(wantsAsyncForm(status(s), [], asked)).toBe(false);
    expect(wantsAsyncForm(null, [], asked)).toBe(false);
  });
});

describe("asyncDraft", () => {
  const status = (state: VisitorStatus["state"]): VisitorStatus => ({ conversationId: "c1", state, agent: null, wait: null, async: null });
  const chat = [
    stored(msg("b", "visitor", "I want a human", "c-b", 1)),
    stored(msg("s", "system", "Nobody is available. Leave us a message…", null, 2)),
    stored(msg("v1", "visitor", "My order is A-12345", "c-1", 3)),
    stored(msg("v2", "visitor", "It never arrived", "c-2", 4)),
    { ...msg("v3", "visitor", "still sending", "c-3", 5), pending: true },
  ];

  it("is what the visitor typed after the async outcome, before any message was left", () => {
    expect(asyncDraft(status("async"), [], chat)).toBe("My order is A-12345\n\nIt never arrived");
    expect(asyncDraft(status("async"), [], chat.slice(0, 2))).toBe("");
  });

  it("is empty once a message was left (later lines go to that item) and off the async path", () => {
    expect(asyncDraft(status("async"), [item({ createdAt: 2 })], chat)).toBe("");
    for (const s of ["bot", "queued", "assigned", "resolved"] as const) expect(asyncDraft(status(s), [], chat)).toBe("");
    expect(asyncDraft(null, [], chat)).toBe("");
  });
});

describe("unreadCount (issue 17: the badge jumped from 1 to 4 after a reload)", () => {
  const list = [
    stored(msg("v1", "visitor", "hi", null, 1)),
    stored(msg("b1", "bot", "hello", null, 1)),
    stored(msg("s1", "system", "You are number 1 in the queue", null, 1)),
    stored(msg("a1", "agent", "María here", null, 1)),
    stored(msg("s2", "system", "María has joined", null, 4)),
    stored(msg("a2", "agent", "Found it", null, 5)),
  ];
  it("counts only agent and bot messages after the last one seen, by id (messages may share a time)", () => {
    expect(unreadCount(list, null)).toBe(3);
    expect(unreadCount(list, { id: "b1", at: 1 })).toBe(2);
    expect(unreadCount(list, { id: "a1", at: 1 })).toBe(1);
    expect(unreadCount(list, latestIncoming(list))).toBe(0);
  });
  it("falls back to the time when the seen message is not drawn", () => {
    expect(unreadCount(list, { id: "gone", at: 4 })).toBe(1);
  });
  it("marks as seen the newest agent or bot message (system notices do not move it)", () => {
    expect(latestIncoming(list)).toEqual({ id: "a2", at: 5 });
    expect(latestIncoming(list.slice(0, 1))).toBeNull();
  });
});
