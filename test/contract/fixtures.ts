import type { AgentProfile, Conversation, Customer, Handoff, Message, NluResult } from "../../src/core/model.js";
import type { CsatRecord, InboxItem } from "../../src/ports/conversation.store.js";

/** A realistic epoch-ms base (2026-11-24), well past 2^32 so bigint handling shows. */
export const T0 = 1_795_000_000_000;

export function conversation(id: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    state: "bot",
    visitorId: "visitor-1",
    customerId: null,
    language: "en",
    page: null,
    visitorTimeZone: null,
    assignedAgentId: null,
    ruleId: null,
    priority: 0,
    slaDeadline: null,
    createdAt: T0,
    updatedAt: T0,
    resolvedAt: null,
    ...over,
  };
}

export const NLU: NluResult = {
  language: "es",
  languageConfidence: 0.93,
  intent: "billing.refund",
  topic: "billing",
  confidence: 0.41,
  alternatives: [{ intent: "orders.status", confidence: 0.2 }],
  entities: [{ field: "order_number", value: "A-1234", start: 10, end: 16 }],
  sentiment: { score: -0.6, label: "negative" },
  explicitHumanRequest: { requested: true, evidence: "hablar con una persona" },
};

export function message(id: string, conversationId: string, over: Partial<Message> = {}): Message {
  return {
    id,
    conversationId,
    clientMessageId: null,
    author: "visitor",
    authorId: null,
    text: `text of ${id}`,
    at: T0,
    nlu: null,
    ...over,
  };
}

export function handoff(id: string, conversationId: string, over: Partial<Handoff> = {}): Handoff {
  return {
    id,
    conversationId,
    trigger: {
      kind: "explicit_request",
      at: T0,
      reason: 'visitor wrote "can I talk to a person"',
      evidence: { messageIds: ["m1", "m2"], scores: { confidence: 0.31, sentiment: -0.5 } },
    },
    ruleId: "rule-billing",
    priority: 120,
    slaDeadline: T0 + 60_000,
    estimate: { seconds: 90, bucket: "under 2 minutes" },
    fromAgentId: null,
    toAgentId: null,
    toTeam: "billing",
    note: null,
    createdAt: T0,
    assignedAt: null,
    firstHumanAt: null,
    asyncPromisedBy: null,
    unansweredReassignments: 0,
    ...over,
  };
}

export function csat(conversationId: string, over: Partial<CsatRecord> = {}): CsatRecord {
  return { conversationId, score: 4, comment: null, segment: "post_handoff", at: T0, ...over };
}

export function inboxItem(id: string, conversationId: string, over: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    conversationId,
    name: "Ana",
    email: "ana@example.com",
    text: "please call me back",
    promisedBy: T0 + 86_400_000,
    reason: "after_hours",
    status: "open",
    reply: null,
    repliedBy: null,
    repliedAt: null,
    createdAt: T0,
    ...over,
  };
}

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return {
    id,
    name: "Acme Corp",
    email: "Ops@Acme.example",
    plan: "enterprise-annual",
    tier: "enterprise",
    openTickets: 2,
    lifetimeValue: 125_000.5,
    csmAgentId: "agent-csm",
    timeZone: "Europe/Madrid",
    ...over,
  };
}

export function agent(id: string, over: Partial<AgentProfile> = {}): AgentProfile {
  return {
    id,
    name: `Agent ${id}`,
    email: `${id}@Baton.example`,
    role: "agent",
    teams: ["billing", "support"],
    skills: [
      { skill: "billing", proficiency: 4 },
      { skill: "spanish", proficiency: 2 },
    ],
    languages: ["en", "es"],
    translationEnabled: false,
    senior: true,
    cap: 3,
    ...over,
  };
}
