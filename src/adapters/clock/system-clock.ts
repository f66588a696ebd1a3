import type { Clock } from "../../ports/clock.js";

/**
 * The real wall clock: epoch milliseconds from `Date.now()`. The only production `Clock`.
 * @example
 * const at = systemClock.now(); // 1767225600000
 */
export const systemClock: Clock = {
  now: () => Date.now(),
};
