import { type Handoff, TRIGGER_KINDS, type TriggerKind } from "../model.js";

export interface TriggerCount {
  readonly kind: TriggerKind;
  readonly count: number;
}

/**
 * How many handoffs each trigger kind caused, one row per kind in `TRIGGER_KINDS` order
 * (zeros included, so charts keep a stable shape).
 * @example
 * handoffsByTrigger(handoffs)[0]; // { kind: "explicit_request", count: 12 }
 */
export function handoffsByTrigger(handoffs: readonly Pick<Handoff, "trigger">[]): TriggerCount[] {
  const counts = new Map<TriggerKind, number>();
  for (const h of handoffs) counts.set(h.trigger.kind, (counts.get(h.trigger.kind) ?? 0) + 1);
  return TRIGGER_KINDS.map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}
