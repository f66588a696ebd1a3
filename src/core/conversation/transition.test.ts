import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { CONVERSATION_STATES, type ConversationState } from "../model.js";
import { allowedEvents, CONVERSATION_EVENTS, type ConversationEvent, canTransition, transition } from "./transition.js";

/** The full allowed table, written out by hand (independent of TRANSITIONS). */
const ALLOWED: readonly [ConversationState, ConversationEvent, ConversationState][] = [
  ["bot", "handoff_queued", "queued"],
  ["async", "handoff_queued", "queued"],
  ["queued", "offered", "offered"],
  ["offered", "offer_declined", "queued"],
  ["offered", "offer_expired", "queued"],
  ["queued", "assigned", "assigned"],
  ["offered", "assigned", "assigned"],
  ["assigned", "transfer", "queued"],
  ["assigned", "agent_lost", "queued"],
  ["offered", "agent_lost", "queued"],
  ["bot", "went_async", "async"],
  ["queued", "went_async", "async"],
  ["bot", "resolved", "resolved"],
  ["queued", "resolved", "resolved"],
  ["offered", "resolved", "resolved"],
  ["assigned", "resolved", "resolved"],
  ["async", "resolved", "resolved"],
  ["resolved", "reopened", "bot"],
  ["async", "reopened", "bot"],
];

const FORBIDDEN: readonly [ConversationState, ConversationEvent][] = [
  ["bot", "assigned"],
  ["bot", "transfer"],
  ["bot", "offered"],
  ["bot", "reopened"],
  ["queued", "transfer"],
  ["queued", "handoff_queued"],
  ["assigned", "offered"],
  ["assigned", "went_async"],
  ["resolved", "resolved"],
  ["resolved", "assigned"],
  ["resolved", "handoff_queued"],
  ["async", "assigned"],
];

describe("conversation transition", () => {
  it.each(ALLOWED)("%s --%s--> %s", (from, event, to) => {
    expect(transition(from, event)).toBe(to);
    expect(canTransition(from, event)).toBe(true);
  });

  it("allows nothing beyond the table", () => {
    let allowed = 0;
    for (const s of CONVERSATION_STATES) allowed += allowedEvents(s).length;
    expect(allowed).toBe(ALLOWED.length);
  });

  it.each(FORBIDDEN)("rejects %s --%s--> with invalid_transition naming both", (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    try {
      transition(from, event);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("invalid_transition");
      expect((e as DomainError).message).toContain(`"${from}"`);
      expect((e as DomainError).message).toContain(`"${event}"`);
      expect((e as DomainError).details).toEqual({ from, event });
    }
  });

  it("every state but resolved can be resolved", () => {
    for (const s of CONVERSATION_STATES) expect(canTransition(s, "resolved")).toBe(s !== "resolved");
  });

  it("any event sequence leaves exactly one valid state; rejected events change nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CONVERSATION_EVENTS), { maxLength: 40 }), (events) => {
        let state: ConversationState = "bot";
        for (const e of events) {
          const before = state;
          try {
            state = transition(state, e);
            expect(canTransition(before, e)).toBe(true);
          } catch (err) {
            expect((err as DomainError).code).toBe("invalid_transition");
            expect(state).toBe(before);
          }
          expect(CONVERSATION_STATES.filter((s) => s === state)).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every state is reachable from bot", () => {
    const seen = new Set<ConversationState>(["bot"]);
    let frontier: ConversationState[] = ["bot"];
    while (frontier.length > 0) {
      frontier = frontier.flatMap((s) => allowedEvents(s).map((e) => transition(s, e))).filter((s) => !seen.has(s) && seen.add(s));
    }
    expect([...seen].sort()).toEqual([...CONVERSATION_STATES].sort());
  });
});
