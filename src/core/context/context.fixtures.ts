import type { Conversation, Field, Message, NluResult, Trigger } from "../model.js";

/** Test helpers only: small builders for context tests. */
export function visitor(id: string, text: string, at: number, nlu: Partial<NluResult> | null = {}): Message {
  return {
    id,
    conversationId: "c1",
    clientMessageId: null,
    author: "visitor",
    authorId: null,
    text,
    at,
    nlu:
      nlu === null
        ? null
        : {
            language: "en",
            languageConfidence: 0.9,
            intent: "order_status",
            topic: "orders",
            confidence: 0.8,
            alternatives: [],
            entities: [],
            sentiment: { score: 0, label: "neutral" },
            explicitHumanRequest: { requested: false, evidence: null },
            ...nlu,
          },
  };
}

export function other(id: string, author: "bot" | "agent" | "system", text: string, at: number, authorId: string | null = null): Message {
  return { id, conversationId: "c1", clientMessageId: null, author, authorId, text, at, nlu: null };
}

export function field(name: string, value: string, at: number, messageId = "m1"): Field {
  return { name, value, source: { kind: "message", messageId }, at };
}

export const TRIGGER: Trigger = {
  kind: "keyword",
  at: 3000,
  reason: 'visitor wrote "refund"',
  evidence: { messageIds: ["m3"], scores: {} },
};

export const CONVERSATION: Conversation = {
  id: "c1",
  state: "queued",
  visitorId: "v1",
  customerId: "cu1",
  language: "en",
  page: { url: "https://shop.example/orders", title: "Orders" },
  visitorTimeZone: "Europe/Madrid",
  assignedAgentId: null,
  ruleId: "billing",
  priority: 50,
  slaDeadline: 63_000,
  createdAt: 500,
  updatedAt: 3000,
  resolvedAt: null,
};
