import type { BusinessCalendar } from "../model.js";
import { isOpen } from "./is-open.js";
import { nextOpen } from "./next-open.js";

/** A team's reply window while open, when its config does not say. */
export const DEFAULT_REPLY_WITHIN_MINUTES = 60;

const FIVE_MINUTES = 5 * 60 * 1000;

/**
 * The reply time to promise a visitor who leaves a message (or may leave one): a time, never
 * "as soon as possible". While the team is closed, its next opening; while open, `withinMinutes`
 * from now, rounded up to five minutes so it reads as a clock time, or the next opening after
 * that when the team has closed by then.
 *
 * @example
 * // Tuesday 10:02 in Paris, billing open 08:00-12:00 and 13:00-18:00, a 60-minute window → 11:05
 * replyBy(billing, tuesday1002, 60);
 * // Tuesday 11:30 → 12:30 is the lunch break → 13:00
 * replyBy(billing, tuesday1130, 60);
 */
export function replyBy(calendar: BusinessCalendar, now: number, withinMinutes: number): number {
  if (!isOpen(calendar, now)) return nextOpen(calendar, now);
  const at = Math.ceil((now + withinMinutes * 60_000) / FIVE_MINUTES) * FIVE_MINUTES;
  return isOpen(calendar, at) ? at : nextOpen(calendar, at);
}
