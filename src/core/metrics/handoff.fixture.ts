import type { Handoff, TriggerKind } from "../model.js";

/** Test helper: a handoff at t = `at` seconds (epoch ms = at * 1000), overridable field by field. */
export function handoffAt(
  at: number,
  over: Partial<Omit<Handoff, "trigger">> & { readonly kind?: TriggerKind } = {},
): Handoff {
  const { kind = "explicit_request", ...rest } = over;
  return {
    id: `h${at}`,
    conversationId: `c${at}`,
    trigger: { kind, at: at * 1000, reason: "test", evidence: { messageIds: [], scores: {} } },
    ruleId: "default",
    priority: 0,
    slaDeadline: (at + 60) * 1000,
    estimate: null,
    fromAgentId: null,
    toAgentId: null,
    toTeam: null,
    note: null,
    createdAt: at * 1000,
    assignedAt: null,
    firstHumanAt: null,
    asyncPromisedBy: null,
    unansweredReassignments: 0,
    ...rest,
  };
}

/** Seconds to epoch ms, for readable fixtures. */
export const s = (seconds: number): number => seconds * 1000;
