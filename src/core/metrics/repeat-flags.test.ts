import { describe, expect, it } from "vitest";
import type { Field, Handoff, Message } from "../model.js";
import { repeatFlags } from "./repeat-flags.js";

const msg = (id: string, author: Message["author"], text: string, at: number): Message => ({
  id,
  conversationId: "c1",
  clientMessageId: null,
  author,
  authorId: null,
  text,
  at,
  nlu: null,
});

const handoff = (id: string, createdAt: number, assignedAt: number | null): Handoff => ({
  id,
  conversationId: "c1",
  trigger: { kind: "explicit_request", at: createdAt, reason: "", evidence: { messageIds: [], scores: {} } },
  ruleId: "billing",
  priority: 0,
  slaDeadline: createdAt + 60_000,
  estimate: null,
  fromAgentId: null,
  toAgentId: null,
  toTeam: null,
  note: null,
  createdAt,
  assignedAt,
  firstHumanAt: null,
asyncPromisedBy: null,
    unansweredReassignments: 0,
});

const orderField: Field = { name: "order_number", value: "A-12345", source: { kind: "message", messageId: "m1" }, at: 10 };

describe("repeatFlags", () => {
  it("flags an agent asking for a field the context already had", () => {
    const messages = [
      msg("m1", "visitor", "Where is my order A-12345?", 10),
      msg("m2", "visitor", "I want a human", 20),
      msg("m3", "agent", "Hi! What is your order number?", 40),
    ];
    const [flag] = repeatFlags([handoff("h1", 20, 30)], messages, [orderField]);
    expect(flag).toMatchObject({ handoffId: "h1", repeated: true, reason: { kind: "agent_asked", field: "order_number" } });
  });

  it("in a chat served through translation, flags the question in what the visitor read too (issue 15)", () => {
    const messages: Message[] = [
      msg("m1", "visitor", "¿Dónde está mi pedido A-12345?", 10),
      msg("m2", "visitor", "Quiero hablar con una persona", 20),
      // The agent wrote something harmless; the edited translation the visitor read asks again.
      { ...msg("m3", "agent", "Let me check that for you.", 40), translation: { text: "¿Cuál es tu número de pedido?", from: "en", to: "es", via: null, edited: true, error: null } },
    ];
    const [flag] = repeatFlags([handoff("h1", 20, 30)], messages, [orderField]);
    expect(flag).toMatchObject({ repeated: true, reason: { kind: "agent_asked", field: "order_number", messageId: "m3" } });
  });

  it("does not flag an agent who uses what is known", () => {
    const messages = [
      msg("m1", "visitor", "Where is my order A-12345?", 10),
      msg("m3", "agent", "I see order A-12345 shipped yesterday.", 40),
      msg("m4", "visitor", "Great, thanks", 50),
    ];
    expect(repeatFlags([handoff("h1", 20, 30)], messages, [orderField])).toEqual([
      { handoffId: "h1", ruleId: "billing", repeated: false, reason: null },
    ]);
  });

  it("flags a visitor restating their problem after the handoff", () => {
    const messages = [
      msg("m1", "visitor", "My invoice shows a double charge for the premium plan", 10),
      msg("m3", "agent", "Hello, how can I help?", 40),
      msg("m4", "visitor", "my invoice shows a double charge for the premium plan!", 50),
    ];
    const [flag] = repeatFlags([handoff("h1", 20, 30)], messages, []);
    expect(flag?.reason).toEqual({ kind: "visitor_restated", messageId: "m4" });
  });

  it("skips handoffs nobody took, and judges each handoff only within its own window", () => {
    const messages = [
      msg("m1", "visitor", "Where is my order A-12345?", 10),
      msg("m3", "agent", "What is your order number?", 40),
    ];
    const flags = repeatFlags([handoff("h0", 5, null), handoff("h1", 20, 30), handoff("h2", 35, 36)], messages, [orderField]);
    expect(flags.map((f) => [f.handoffId, f.repeated])).toEqual([
      ["h1", false],
      ["h2", true],
    ]);
  });
});
