import type { Trigger } from "../model.js";

/**
 * The trigger of an agent's transfer to another agent or team. The note is the reason.
 * @example
 * transferTrigger(1000, "a1", "needs a refund approval") // { kind: "agent_transfer", ... }
 */
export function transferTrigger(at: number, fromAgentId: string, note: string): Trigger {
  return {
    kind: "agent_transfer",
    at,
    reason: `transferred by ${fromAgentId}: ${note}`,
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
