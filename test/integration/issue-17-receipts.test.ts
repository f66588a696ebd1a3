import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { PresentedMessage } from "../../src/app/events.js";
import type { PresentedRead } from "../../src/app/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { agent, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: the billing team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

describe("issue 17: delivered and read state in both directions", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;

  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
  });

  it("the visitor hears the agent read their message, the agent hears the visitor see theirs; other conversations are refused", async () => {
    const maria = await agent(baton.url, "maria@demo.baton");
    const v = await visitor(baton.url);
    const other = await visitor(baton.url);
    try {
      expect((await v.say("I want to talk to a human about my invoice")).ok).toBe(true);
      await maria.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === v.conversationId);
      expect((await v.say("It is invoice INV-2041", "receipt-1")).ok).toBe(true);
      const mine = await maria.waitFor<PresentedMessage>("message", (m) => m.conversationId === v.conversationId && m.clientMessageId === "receipt-1");

      // The agent holding the chat marks it read: the widget hears it.
      expect(await maria.call("read", { conversationId: v.conversationId, upTo: mine.id })).toMatchObject({ ok: true, data: { upTo: mine.id, moved: true } });
      const read = await v.waitFor<PresentedRead>("read", (r) => r.reader === "agent");
      expect(read).toMatchObject({ conversationId: v.conversationId, upTo: mine.id });
      // Marking an earlier message does not move the mark back.
      const first = (await baton.store.conversations.listMessages(v.conversationId))[0]!;
      expect(await maria.call("read", { conversationId: v.conversationId, upTo: first.id })).toMatchObject({ ok: true, data: { upTo: mine.id, moved: false } });

      // The agent writes; the visitor's widget marks it seen; the agent hears it.
      expect((await maria.call("message:send", { conversationId: v.conversationId, clientMessageId: "agent-1", text: "Let me look at it" })).ok).toBe(true);
      const reply = await v.waitFor<PresentedMessage>("message", (m) => m.author === "agent");
      expect(await v.call("read", { upTo: reply.id })).toMatchObject({ ok: true, data: { upTo: reply.id, moved: true } });
      expect(await maria.waitFor<PresentedRead>("read", (r) => r.reader === "visitor")).toMatchObject({ conversationId: v.conversationId, upTo: reply.id });

      // Reloaded clients draw the marks from history.
      expect(await v.call("history", {})).toMatchObject({ ok: true, data: { read: { agent: mine.id, visitor: reply.id } } });

      // Wrong conversation: another visitor cannot mark C's message (not theirs), and an agent not
      // holding a chat cannot mark it.
      expect(await other.call("read", { upTo: reply.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect((await other.call("read", { upTo: "x".repeat(101) })).ok).toBe(false);
      expect(await maria.call("read", { conversationId: other.conversationId, upTo: reply.id })).toMatchObject({ ok: false, error: { code: "not_assigned_to_you" } });
      const priya = await agent(baton.url, "priya@demo.baton");
      try {
        expect(await priya.call("read", { conversationId: v.conversationId, upTo: mine.id })).toMatchObject({ ok: false, error: { code: "not_assigned_to_you" } });
      } finally {
        priya.close();
      }
      expect(other.events.filter((e) => e.event === "read")).toEqual([]);
      expect((await baton.store.desk.listReadMarks(other.conversationId)).length).toBe(0);
    } finally {
      maria.close();
      v.close();
      other.close();
    }
  });
});
