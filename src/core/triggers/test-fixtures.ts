import type { Customer, NluResult } from "../model.js";
import type { VisitorTurn } from "./trigger-checks.js";

/** A neutral, confident English NLU result; override what a test needs. Test helper only. */
export function nlu(over: Partial<NluResult> = {}): NluResult {
  return {
    language: "en",
    languageConfidence: 0.9,
    intent: "order_status",
    topic: "orders",
    confidence: 0.9,
    alternatives: [],
    entities: [],
    sentiment: { score: 0, label: "neutral" },
    explicitHumanRequest: { requested: false, evidence: null },
    ...over,
  };
}

/** A visitor turn with id `m<n>` at time n * 1000. Test helper only. */
export function turn(n: number, text: string, over: Partial<NluResult> = {}): VisitorTurn {
  return { messageId: `m${n}`, text, at: n * 1000, nlu: nlu(over) };
}

/** A standard customer; override the tier. Test helper only. */
export function customer(over: Partial<Customer> = {}): Customer {
  return {
    id: "c1",
    name: "Ana Lima",
    email: "ana@example.com",
    plan: "pro",
    tier: "standard",
    openTickets: 0,
    lifetimeValue: 1200,
    csmAgentId: null,
    timeZone: "Europe/Lisbon",
    ...over,
  };
}
