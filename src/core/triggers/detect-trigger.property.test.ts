import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type NluResult, TOPICS, TRIGGER_KINDS } from "../model.js";
import { detectTrigger } from "./detect-trigger.js";
import { customer } from "./test-fixtures.js";
import { DEFAULT_TRIGGER_CONFIG as cfg } from "./trigger-config.js";

const score = fc.oneof(fc.double({ min: -2, max: 2 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0));
const arbNlu: fc.Arbitrary<NluResult> = fc.record({
  language: fc.oneof(fc.constantFrom("en", "es", "fr", "de", "pt", "xx", "constructor", "__proto__", "default"), fc.string()),
  languageConfidence: score,
  intent: fc.string(),
  topic: fc.constantFrom(...TOPICS),
  confidence: score,
  alternatives: fc.array(fc.record({ intent: fc.string(), confidence: score }), { maxLength: 2 }),
  entities: fc.constant([]),
  sentiment: fc.record({ score, label: fc.constantFrom("negative", "neutral", "positive") }),
  explicitHumanRequest: fc.record({ requested: fc.boolean(), evidence: fc.option(fc.string()) }),
});
const arbTurns = fc.array(
  fc.record({ messageId: fc.string(), text: fc.oneof(fc.string(), fc.constantFrom("cancel now", "where is my parcel now")), at: fc.integer(), nlu: arbNlu }),
  { maxLength: 6 },
);
const arbCustomer = fc.option(fc.constantFrom("standard", "vip", "enterprise").map((tier) => customer({ tier })));

describe("detectTrigger properties", () => {
  it("never throws, is deterministic, and returns a well-formed trigger at the last turn's time", () => {
    fc.assert(
      fc.property(arbTurns, arbCustomer, fc.option(fc.array(fc.string())), (turns, cust, answered) => {
        const input = answered ? { turns, customer: cust, botAnsweredIds: answered } : { turns, customer: cust };
        const a = detectTrigger(input, cfg);
        expect(detectTrigger(input, cfg)).toEqual(a);
        if (a === null) return;
        expect(TRIGGER_KINDS).toContain(a.kind);
        expect(a.at).toBe(turns[turns.length - 1]!.at);
        expect(a.evidence.messageIds.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
