import type { Trigger } from "../model.js";

/**
 * The trigger of an agent's transfer to another agent or team. The note is the reason;
 * `fromAgent` is how the reason names the sender (their display name).
 * @example
 * transferTrigger(1000, "María García", "needs a refund approval") // { kind: "agent_transfer", reason: "transferred by María García: needs a refund approval", ... }
 */
export function transferTrigger(at: number, fromAgent: string, note: string): Trigger {
  return {
    kind: "agent_transfer",
    at,
    reason: `transferred by ${fromAgent}: ${note}`,
    evidence: { messageIds: [], scores: {} },
  };
}

/**
 * The trigger of a handoff requested by an external bot through the Bot API, with the scores it
 * reported (e.g. `{ confidence: 0.31 }`).
 * @example
 * botApiTrigger(1000, "intent not covered", { confidence: 0.31 })
 */
export function botApiTrigger(at: number, reason: string, scores: Readonly<Record<string, number>> = {}): Trigger {
  return { kind: "bot_api", at, reason, evidence: { messageIds: [], scores: { ...scores } } };
}

/**
 * The trigger of a chat whose external bot could not take it: it failed `failures` times in a row
 * (time-outs, errors, refusals), or the site has no bot (`failures` 0).
 * @example
 * botUnavailableTrigger(1000, 'bot "rasa" did not answer 3 times (timeout)', ["m1"], 3)
 */
export function botUnavailableTrigger(at: number, reason: string, messageIds: readonly string[], failures: number): Trigger {
  return { kind: "bot_unavailable", at, reason, evidence: { messageIds: [...messageIds], scores: { failures } } };
}
