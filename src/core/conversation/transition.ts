import { DomainError } from "../errors.js";
import type { ConversationState } from "../model.js";

/** Something that moves a conversation between states. */
export type ConversationEvent =
  /** A trigger fired (or the visitor chose to wait): the chat enters routing. */
  | "handoff_queued"
  /** The router offered the chat to one agent (offer/accept mode). */
  | "offered"
  | "offer_declined"
  | "offer_expired"
  /** An agent has it: direct assignment from the queue, or an accepted offer. */
  | "assigned"
  /** The agent passes it on with a note; it is routed again. */
  | "transfer"
  /** The agent holding or offered it went offline, away or was removed. */
  | "agent_lost"
  /** No eligible agent, after hours, or the visitor chose to leave a message. */
  | "went_async"
  | "resolved"
  /** The visitor writes again after resolution or while waiting on the async inbox: the bot answers. */
  | "reopened";

export const CONVERSATION_EVENTS: readonly ConversationEvent[] = [
  "handoff_queued",
  "offered",
  "offer_declined",
  "offer_expired",
  "assigned",
  "transfer",
  "agent_lost",
  "went_async",
  "resolved",
  "reopened",
];

/**
 * The whole state machine: event → (from → to). Anything missing is an invalid transition.
 *
 * Decisions: a direct assignment passes through "queued" (handoff_queued, then assigned) so every
 * handoff enters routing the same way; "reopened" takes resolved and async conversations back to
 * the bot when the visitor writes again (an open inbox item keeps its promise and still gets its
 * e-mail reply, and the bot may hand off live if agents are now in); async → queued covers a
 * returning visitor whose new message triggers a live handoff directly.
 */
export const TRANSITIONS: Readonly<Record<ConversationEvent, Readonly<Partial<Record<ConversationState, ConversationState>>>>> = {
  handoff_queued: { bot: "queued", async: "queued" },
  offered: { queued: "offered" },
  offer_declined: { offered: "queued" },
  offer_expired: { offered: "queued" },
  assigned: { queued: "assigned", offered: "assigned" },
  transfer: { assigned: "queued" },
  agent_lost: { assigned: "queued", offered: "queued" },
  went_async: { bot: "async", queued: "async" },
  resolved: { bot: "resolved", queued: "resolved", offered: "resolved", assigned: "resolved", async: "resolved" },
  reopened: { resolved: "bot", async: "bot" },
};

/**
 * The state after `event`, or null when the event is not allowed from `state`.
 * @example
 * nextState("queued", "assigned") // "assigned"
 * nextState("bot", "transfer") // null
 */
export function nextState(state: ConversationState, event: ConversationEvent): ConversationState | null {
  const row = TRANSITIONS[event];
  return (Object.hasOwn(row, state) ? row[state] : undefined) ?? null;
}

/** Whether `event` is allowed from `state`. */
export function canTransition(state: ConversationState, event: ConversationEvent): boolean {
  return nextState(state, event) !== null;
}

/** The events allowed from `state`, in CONVERSATION_EVENTS order. */
export function allowedEvents(state: ConversationState): ConversationEvent[] {
  return CONVERSATION_EVENTS.filter((e) => canTransition(state, e));
}

/**
 * Applies one event to a conversation state.
 * @throws DomainError("invalid_transition") naming the state and the event.
 * @example
 * transition("bot", "handoff_queued") // "queued"
 * transition("resolved", "assigned") // throws: cannot apply "assigned" to a conversation in state "resolved"
 */
export function transition(state: ConversationState, event: ConversationEvent): ConversationState {
  const next = nextState(state, event);
  if (next === null) {
    throw new DomainError("invalid_transition", `cannot apply "${event}" to a conversation in state "${state}"`, { from: state, event });
  }
  return next;
}
