import { bucketFor } from "./bucket-for.js";
import type { WaitConfig } from "./wait-config.js";

/** What the estimate reads: where the chat stands and who could take it. */
export interface WaitInput {
  /** 1-based position among the chats this conversation competes with (itself included). */
  readonly position: number;
  /** Online agents eligible for this chat: their cap and current load. */
  readonly eligibleAgents: readonly { readonly cap: number; readonly active: number }[];
  /** Recent handle times (assignment to resolution), in seconds. */
  readonly recentHandleSeconds: readonly number[];
}

export interface WaitEstimate {
  readonly seconds: number;
  readonly bucket: string;
}

/**
 * Expected wait before a human picks the chat up, or null when nobody eligible has any capacity
 * (then there is no honest number: the caller goes async).
 *
 * The model: each eligible agent contributes `cap` concurrent slots. If the chat's position is
 * within the free slots, the wait is 0. Otherwise `k = position - free` chats must finish first;
 * with `c` busy slots each ending after a mean handle time `h` (recent mean, else the default),
 * and memoryless (exponential) handle times as in an M/M/c queue, slots free at rate `c / h`,
 * so the k-th waiting chat expects `k * h / c` seconds.
 *
 * @example
 * estimateWait({ position: 3, eligibleAgents: [{ cap: 2, active: 2 }], recentHandleSeconds: [300] }, cfg);
 * // { seconds: 450, bucket: "about 8 minutes" }: 3 chats ahead of a free slot over 2 slots × 300 s
 */
export function estimateWait(input: WaitInput, cfg: WaitConfig): WaitEstimate | null {
  let slots = 0;
  let free = 0;
  for (const a of input.eligibleAgents) {
    const cap = Math.max(0, a.cap);
    slots += cap;
    free += Math.max(0, cap - Math.max(0, a.active));
  }
  if (slots === 0) return null;
  const position = Math.max(1, Math.floor(input.position));
  const handle = meanHandleSeconds(input.recentHandleSeconds, cfg.defaultHandleSeconds);
  const ahead = position - free;
  const seconds = ahead <= 0 ? 0 : Math.round((ahead * handle) / slots);
  return { seconds, bucket: bucketFor(seconds, cfg) };
}

/** Mean of the positive, finite handle times; the default when there are none. */
export function meanHandleSeconds(recent: readonly number[], fallback: number): number {
  const usable = recent.filter((s) => Number.isFinite(s) && s > 0);
  if (usable.length === 0) return fallback;
  return usable.reduce((sum, s) => sum + s, 0) / usable.length;
}
