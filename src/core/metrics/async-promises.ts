import type { Handoff } from "../model.js";
import type { SlaOutcome } from "./sla-attainment.js";

/** A reply promised to a visitor who left a message (an inbox item). */
export interface AsyncPromise {
  readonly conversationId: string;
  readonly promisedBy: number;
  readonly createdAt: number;
}

export interface AsyncPromiseAttainment {
  readonly total: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  /** met / (met + breached); null when nothing is decided yet. */
  readonly attainment: number | null;
  /**
   * Handoffs sent straight to the async path (nobody could take them, or after hours) whose
   * visitor left no message: nothing to reply to, so judged neither by a live SLA nor a promise.
   */
  readonly withoutMessage: number;
}

/**
 * Splits handoffs into live ones (judged against their rule's SLA) and async ones: those whose
 * visitor left a message (a promise made at or after the handoff, before the conversation's next
 * handoff), judged against the reply time they were promised, not a live SLA. A handoff sent
 * straight to the async path (`asyncPromisedBy` set) is never live: with no message left it is
 * counted in `withoutMessage` only.
 */
export function splitAsync(
  handoffs: readonly Handoff[],
  promises: readonly AsyncPromise[],
): { live: Handoff[]; async: { handoff: Handoff; promisedBy: number }[]; withoutMessage: Handoff[] } {
  const byConversation = new Map<string, Handoff[]>();
  for (const h of handoffs) byConversation.set(h.conversationId, [...(byConversation.get(h.conversationId) ?? []), h]);
  const promised = new Map<string, number>();
  for (const p of promises) {
    const list = (byConversation.get(p.conversationId) ?? []).filter((h) => h.createdAt <= p.createdAt);
    const h = list.reduce<Handoff | undefined>((best, x) => (best === undefined || x.createdAt > best.createdAt ? x : best), undefined);
    if (h !== undefined && !promised.has(h.id)) promised.set(h.id, p.promisedBy);
  }
  const live: Handoff[] = [];
  const async: { handoff: Handoff; promisedBy: number }[] = [];
  const withoutMessage: Handoff[] = [];
  for (const h of handoffs) {
    const by = promised.get(h.id);
    if (by !== undefined) async.push({ handoff: h, promisedBy: by });
    else if (h.asyncPromisedBy !== null) withoutMessage.push(h);
    else live.push(h);
  }
  return { live, async, withoutMessage };
}

/** Async promises kept: replied (the first human message) by the promised time. */
export function asyncPromiseAttainment(
  items: readonly { handoff: Handoff; promisedBy: number }[],
  now: number,
  withoutMessage = 0,
): AsyncPromiseAttainment {
  const counts: Record<SlaOutcome, number> = { met: 0, breached: 0, pending: 0 };
  for (const { handoff, promisedBy } of items) {
    const outcome: SlaOutcome =
      handoff.firstHumanAt !== null ? (handoff.firstHumanAt <= promisedBy ? "met" : "breached") : now > promisedBy ? "breached" : "pending";
    counts[outcome] += 1;
  }
  const decided = counts.met + counts.breached;
  return { total: items.length, ...counts, attainment: decided === 0 ? null : counts.met / decided, withoutMessage };
}
