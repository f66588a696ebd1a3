import { buildDoNotAsk, findKnownFieldQuestion, isRestatement } from "../context/index.js";
import type { Field, Handoff, Message } from "../model.js";
import type { RepeatFlag } from "./repeat-question-rate.js";

/** Why a handoff counts as a repeat: the agent re-asked a known field, or the visitor said it again. */
export interface RepeatEvidence extends RepeatFlag {
  readonly reason: { readonly kind: "agent_asked"; readonly field: string; readonly messageId: string } | { readonly kind: "visitor_restated"; readonly messageId: string } | null;
}

/**
 * The repeat-question verdict for each handoff a human took, from the stored conversation.
 * A handoff's window runs from its creation to the next handoff. Fields known at the handoff
 * are the do-not-ask list; the visitor's words before it are what they should not need to repeat.
 * @example
 * repeatFlags(handoffs, messages, fields) // [{ handoffId: "h1", ruleId: "billing", repeated: true, reason: { kind: "agent_asked", field: "order_number", ... } }]
 */
export function repeatFlags(handoffs: readonly Handoff[], messages: readonly Message[], fields: readonly Field[]): RepeatEvidence[] {
  const sorted = [...handoffs].sort((a, b) => a.createdAt - b.createdAt);
  const out: RepeatEvidence[] = [];
  sorted.forEach((h, i) => {
    if (h.assignedAt === null) return;
    const end = sorted[i + 1]?.createdAt ?? Number.POSITIVE_INFINITY;
    const known = fields.filter((f) => f.at <= h.createdAt);
    const doNotAsk = buildDoNotAsk(known, null);
    const beforeMessages = messages.filter((m) => m.author === "visitor" && m.at <= h.createdAt);
    const before = beforeMessages.map((m) => m.text);
    const beforeReadings = beforeMessages.map((m) => m.nlu);
    let reason: RepeatEvidence["reason"] = null;
    for (const m of messages) {
      if (m.at <= h.createdAt || m.at >= end) continue;
      if (m.author === "agent") {
        // A chat served through translation: the agent's words, or what the visitor read.
        const read = m.translation?.text ?? null;
        const hit = findKnownFieldQuestion(m.text, doNotAsk) ?? (read === null ? null : findKnownFieldQuestion(read, doNotAsk));
        if (hit !== null) {
          reason = { kind: "agent_asked", field: hit.field, messageId: m.id };
          break;
        }
      } else if (m.author === "visitor" && before.length > 0 && isRestatement(m.text, before, known, undefined, { message: m.nlu, earlier: beforeReadings }).restated) {
        reason = { kind: "visitor_restated", messageId: m.id };
        break;
      }
    }
    out.push({ handoffId: h.id, ruleId: h.ruleId, repeated: reason !== null, reason });
  });
  return out;
}
