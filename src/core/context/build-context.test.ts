import { describe, expect, it } from "vitest";
import { buildContext } from "./build-context.js";
import { CONVERSATION, field, other, TRIGGER, visitor } from "./context.fixtures.js";

const customer = {
  id: "cu1",
  name: "Ana Lima",
  email: "ana@example.com",
  plan: "pro",
  tier: "standard" as const,
  openTickets: 1,
  lifetimeValue: 900,
  csmAgentId: null,
  timeZone: null,
};
const earlierHandoff = {
  id: "h1",
  conversationId: "c1",
  trigger: TRIGGER,
  ruleId: "billing",
  priority: 50,
  slaDeadline: 60_000,
  estimate: null,
  fromAgentId: "a1",
  toAgentId: null,
  toTeam: "billing",
  note: "needs refund approval",
  createdAt: 2500,
  assignedAt: null,
  firstHumanAt: null,
asyncPromisedBy: null,
    unansweredReassignments: 0,
};

describe("buildContext", () => {
  const ctx = buildContext({
    conversation: CONVERSATION,
    messages: [
      visitor("m3", "I want a refund now", 3000, { intent: "refund", topic: "billing", confidence: 0.7, sentiment: { score: -0.6, label: "negative" } }),
      visitor("m1", "Where is order A12345?", 1000, { confidence: 0.9, sentiment: { score: 0, label: "neutral" } }),
      other("b1", "bot", "It ships tomorrow.", 2000),
      other("g1", "agent", "Hi Ana, looking into it.", 2600, "a1"),
    ],
    fields: [field("order_number", "A12345", 1000)],
    customer,
    handoffs: [earlierHandoff],
    trigger: TRIGGER,
    rule: { id: "billing", name: "Billing" },
    priority: 70,
    slaDeadline: 63_000,
    agentNames: { a1: "Maria" },
  });

  it("is version 1 with the conversation, rule, priority and SLA", () => {
    expect(ctx.version).toBe(1);
    expect(ctx.conversation).toEqual({ id: "c1", state: "queued", language: "en", page: CONVERSATION.page, createdAt: 500 });
    expect([ctx.ruleId, ctx.ruleName, ctx.priority, ctx.slaDeadline]).toEqual(["billing", "Billing", 70, 63_000]);
    expect(ctx.trigger).toBe(TRIGGER);
    expect(ctx.customer).toBe(customer);
  });

  it("orders the transcript by time, keeps bot and agent turns distinct, NLU on visitor turns only", () => {
    expect(ctx.transcript.map((t) => [t.id, t.author, t.authorName])).toEqual([
      ["m1", "visitor", "Ana Lima"],
      ["b1", "bot", "Baton bot"],
      ["g1", "agent", "Maria"],
      ["m3", "visitor", "Ana Lima"],
    ]);
    expect(ctx.transcript[0]!.nlu).toEqual({ intent: "order_status", topic: "orders", confidence: 0.9, sentiment: 0 });
    expect(ctx.transcript[1]!.nlu).toBeUndefined();
  });

  it("carries intent history, sentiment, summary, earlier handoffs and do-not-ask", () => {
    expect(ctx.intentHistory.map((i) => [i.messageId, i.intent, i.confidence])).toEqual([
      ["m1", "order_status", 0.9],
      ["m3", "refund", 0.7],
    ]);
    expect(ctx.sentiment).toEqual({ latest: -0.6, average: -0.3, trend: "worsening" });
    expect(ctx.summary).toBe('Visitor: "Where is order A12345? I want a refund now" Known: order_number A12345. Handoff: visitor wrote "refund".');
    expect(ctx.handoffs.map((h) => h.note)).toEqual(["needs refund approval"]);
    expect(ctx.doNotAsk.map((d) => [d.field, d.value])).toEqual([
      ["order_number", "A12345"],
      ["name", "Ana Lima"],
      ["email", "ana@example.com"],
    ]);
  });

  it("is deterministic and survives JSON round trips", () => {
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });
});
