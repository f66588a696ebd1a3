import { expect, it } from "vitest";
import { agent, conversation, csat, customer, handoff, inboxItem, message, T0 } from "./fixtures.js";
import { expectDomainError, type StoreUnderTest } from "./store.contract.js";

/** Handoffs, CSAT, inbox, customers and agents: the second half of the store contract. */
export function recordsContract(t: () => StoreUnderTest): void {
  const withConversations = async (...ids: string[]) => {
    for (const id of ids) await t().store.conversations.createConversation(conversation(id));
    return t().store.conversations;
  };

  it("keeps a conversation's bot, a bot turn's quick replies and a clicked payload, and the dead letters newest first", async () => {
    const s = t().store.conversations;
    await s.createConversation(conversation("c1", { bot: "rasa" }));
    await s.createConversation(conversation("c2"));
    expect((await s.getConversation("c1"))?.bot).toBe("rasa");
    expect((await s.getConversation("c2"))?.bot).toBeUndefined();
    expect((await s.updateConversation("c2", { bot: "hook" })).bot).toBe("hook");
    const offered = message("m1", "c1", { author: "bot", nlu: null, buttons: [{ title: "Yes", payload: "/yes" }] });
    const clicked = message("m2", "c1", { at: T0 + 1, text: "Yes", payload: "/yes" });
    await s.appendMessage(offered);
    await s.appendMessage(clicked);
    expect(await s.listMessages("c1")).toEqual([offered, clicked]);
    const letter = { id: "d1", botId: "rasa", conversationId: "c1", messageId: "m2", payload: { message: { text: "Yes" } }, error: "no answer within 300 ms", attempts: 3, createdAt: T0 };
    await s.recordBotDeadLetter(letter);
    await s.recordBotDeadLetter({ ...letter, id: "d2", botId: "hook", createdAt: T0 + 5 });
    expect((await s.listBotDeadLetters({})).map((d) => d.id)).toEqual(["d2", "d1"]);
    expect(await s.listBotDeadLetters({ botId: "rasa" })).toEqual([letter]);
    expect(await s.listBotDeadLetters({ limit: 1 })).toHaveLength(1);
  });

  it("round-trips handoffs with trigger and estimate JSON, and patches them", async () => {
    const s = await withConversations("c1", "c2");
    const h1 = handoff("h1", "c1");
    const h2 = handoff("h2", "c1", { estimate: null, fromAgentId: "a0", toTeam: null, note: "VIP, be quick", createdAt: T0 + 5 });
    await s.createHandoff(h2);
    await s.createHandoff(h1);
    await s.createHandoff(handoff("h3", "c2"));
    expect(await s.listHandoffs("c1")).toEqual([h1, h2]);
    await s.updateHandoff("h1", { toAgentId: "a1", assignedAt: T0 + 10, estimate: null });
    await s.updateHandoff("h1", { firstHumanAt: T0 + 20 });
    const [updated] = await s.listHandoffs("c1");
    expect(updated).toEqual({ ...h1, toAgentId: "a1", assignedAt: T0 + 10, firstHumanAt: T0 + 20, estimate: null });
    await s.updateHandoff("h2", { estimate: { seconds: 30, bucket: "under a minute" } });
    expect((await s.listHandoffs("c1"))[1]?.estimate).toEqual({ seconds: 30, bucket: "under a minute" });
    await expectDomainError(s.updateHandoff("missing", { toAgentId: "a1" }), "not_found");
    await expectDomainError(s.updateHandoff("missing", {}), "not_found");
    await expectDomainError(s.createHandoff(handoff("h1", "c2")), "conflict");
    await expectDomainError(s.createHandoff(handoff("h9", "ghost")), "conversation_not_found");
    expect(await s.listHandoffs("c2")).toEqual([handoff("h3", "c2")]);
  });

  it("lists handoffs created in [from, to), oldest first", async () => {
    const s = await withConversations("c1", "c2");
    for (const [id, offset] of [["h-at-to", 100], ["h-mid", 50], ["h-at-from", 0], ["h-before", -1], ["h-mid2", 50]] as const) {
      await s.createHandoff(handoff(id, offset < 50 ? "c1" : "c2", { createdAt: T0 + offset }));
    }
    expect((await s.listHandoffsBetween(T0, T0 + 100)).map((h) => h.id)).toEqual(["h-at-from", "h-mid", "h-mid2"]);
    expect((await s.listHandoffsBetween(T0 + 100, T0 + 101)).map((h) => h.id)).toEqual(["h-at-to"]);
    expect(await s.listHandoffsBetween(T0 + 1, T0 + 1)).toEqual([]);
  });

  it("reads back the handle times of the most recently opened resolved chats, from their last handoff's assignment, oldest first", async () => {
    const s = t().store.conversations;
    const resolvedChat = async (id: string, createdAt: number, handoffs: readonly (number | null)[], resolvedAt: number | null) => {
      await s.createConversation(conversation(id, { createdAt, state: resolvedAt === null ? "assigned" : "resolved", resolvedAt }));
      for (const [i, assignedAt] of handoffs.entries()) await s.createHandoff(handoff(`${id}-h${i}`, id, { createdAt: createdAt + i, assignedAt }));
    };
    await resolvedChat("old", T0, [T0 + 1000], T0 + 61_000); // 60 s
    await resolvedChat("transferred", T0 + 10, [T0 + 1000, T0 + 50_000], T0 + 80_000); // the last handoff: 30 s
    await resolvedChat("bot-only", T0 + 20, [], T0 + 5000); // no handoff: no handle time
    await resolvedChat("never-taken", T0 + 30, [null], T0 + 9000); // left the queue unassigned
    await resolvedChat("open", T0 + 40, [T0 + 1000], null); // still being handled
    await resolvedChat("newest", T0 + 50, [T0 + 2000], T0 + 122_000); // 120 s
    expect(await s.recentHandleSeconds(10)).toEqual([60, 30, 120]);
    expect(await s.recentHandleSeconds(2)).toEqual([30, 120]);
  });

  it("records CSAT once per conversation and lists it in [from, to)", async () => {
    const s = await withConversations("c1", "c2", "c3");
    await s.recordCsat(csat("c1", { at: T0, score: 5, comment: "great", segment: "bot_only" }));
    await s.recordCsat(csat("c2", { at: T0 + 10, score: 2.5 }));
    await s.recordCsat(csat("c3", { at: T0 + 20, segment: "human_only" }));
    expect(await s.listCsatBetween(T0, T0 + 20)).toEqual([
      csat("c1", { at: T0, score: 5, comment: "great", segment: "bot_only" }),
      csat("c2", { at: T0 + 10, score: 2.5 }),
    ]);
    await s.recordCsat(csat("c1", { at: T0 + 30, score: 1, comment: "changed my mind" }));
    expect(await s.listCsatBetween(T0, T0 + 1)).toEqual([]);
    await expectDomainError(s.recordCsat(csat("ghost")), "conversation_not_found");
    expect((await s.listCsatBetween(T0 + 20, T0 + 31)).map((r) => [r.conversationId, r.score])).toEqual([
      ["c3", 4],
      ["c1", 1],
    ]);
  });

  it("creates, filters and answers inbox items", async () => {
    const s = await withConversations("c1", "c2");
    const first = inboxItem("i1", "c1");
    const second = inboxItem("i2", "c2", { name: null, reason: "no_agent", createdAt: T0 + 1 });
    await s.createInboxItem(second);
    await s.createInboxItem(first);
    expect(await s.listInbox({})).toEqual([first, second]);
    expect(await s.listInbox({ conversationId: "c2" })).toEqual([second]);
    const replied = await s.updateInboxItem("i1", { status: "replied", reply: "Done!", repliedBy: "a1", repliedAt: T0 + 9 });
    expect(replied).toEqual({ ...first, status: "replied", reply: "Done!", repliedBy: "a1", repliedAt: T0 + 9 });
    expect(await s.listInbox({ status: "open" })).toEqual([second]);
    expect(await s.listInbox({ status: "replied" })).toEqual([replied]);
    expect(await s.listInbox({ status: "replied", conversationId: "c2" })).toEqual([]);
    await expectDomainError(s.updateInboxItem("missing", { status: "replied" }), "not_found");
    await expectDomainError(s.createInboxItem(inboxItem("i1", "c2")), "conflict");
    await expectDomainError(s.createInboxItem(inboxItem("i9", "ghost")), "conversation_not_found");
    expect(await s.listInbox({ conversationId: "c2" })).toEqual([second]);
  });

  it("upserts customers and finds them by e-mail case-insensitively", async () => {
    const s = t().store.conversations;
    const acme = customer("cust-1");
    await s.upsertCustomer(acme);
    await s.upsertCustomer(customer("cust-2", { email: null, plan: null, csmAgentId: null, timeZone: null, tier: "standard" }));
    expect(await s.getCustomer("cust-1")).toEqual(acme);
    expect(await s.getCustomer("cust-2")).toEqual(
      customer("cust-2", { email: null, plan: null, csmAgentId: null, timeZone: null, tier: "standard" }),
    );
    expect(await s.findCustomerByEmail("ops@acme.EXAMPLE")).toEqual(acme);
    expect(await s.findCustomerByEmail("nobody@acme.example")).toBeNull();
    const changed = { ...acme, tier: "vip" as const, openTickets: 0, lifetimeValue: 7.25, email: "new@acme.example" };
    await s.upsertCustomer(changed);
    expect(await s.getCustomer("cust-1")).toEqual(changed);
    expect(await s.findCustomerByEmail("ops@acme.example")).toBeNull();
    expect(await s.getCustomer("missing")).toBeNull();
  });

  it("upserts agents, keeps presence and password across profile edits", async () => {
    const { agents } = t().store;
    const ana = agent("ana");
    await agents.upsertAgent(ana, "salt:hash");
    await agents.upsertAgent(agent("bob", { role: "admin", teams: [], skills: [], translationEnabled: true, senior: false }));
    expect(await agents.getAgent("ana")).toEqual({ profile: ana, presence: "offline", passwordHash: "salt:hash" });
    expect(await agents.getAgent("bob")).toEqual({
      profile: agent("bob", { role: "admin", teams: [], skills: [], translationEnabled: true, senior: false }),
      presence: "offline",
      passwordHash: "",
    });
    await agents.setPresence("ana", "online");
    const edited = { ...ana, name: "Ana María", languages: ["es", "pt"], cap: 5 };
    await agents.upsertAgent(edited);
    expect(await agents.getAgent("ana")).toEqual({ profile: edited, presence: "online", passwordHash: "salt:hash" });
    await agents.upsertAgent(edited, "salt2:hash2");
    expect((await agents.getAgent("ana"))?.passwordHash).toBe("salt2:hash2");
    expect((await agents.listAgents()).map((a) => a.profile.id)).toEqual(["ana", "bob"]);
    expect(await agents.getAgent("missing")).toBeNull();
  });

  it("finds agents by e-mail case-insensitively and sets presence and cap", async () => {
    const { agents } = t().store;
    await agents.upsertAgent(agent("ana"), "s:h");
    expect((await agents.findAgentByEmail("ANA@baton.EXAMPLE"))?.profile.id).toBe("ana");
    expect(await agents.findAgentByEmail("nobody@baton.example")).toBeNull();
    await agents.setPresence("ana", "away");
    await agents.setCap("ana", 7);
    const stored = await agents.getAgent("ana");
    expect(stored?.presence).toBe("away");
    expect(stored?.profile.cap).toBe(7);
    await agents.setCap("ana", 0);
    expect((await agents.listAgents())[0]?.profile.cap).toBe(0);
    await expectDomainError(agents.setPresence("missing", "online"), "agent_not_found");
    await expectDomainError(agents.setCap("missing", 2), "agent_not_found");
    await expectDomainError(agents.setCap("ana", -1), "invalid_input");
    await expectDomainError(agents.setCap("ana", 1.5), "invalid_input");
    expect((await agents.getAgent("ana"))?.profile.cap).toBe(0);
  });
}
