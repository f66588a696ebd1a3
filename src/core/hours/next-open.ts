import { DateTime } from "luxon";
import { DomainError } from "../errors.js";
import type { BusinessCalendar } from "../model.js";
import { isOpen } from "./is-open.js";
import { weeklyIndex } from "./weekly-index.js";

/** How many local days ahead `nextOpen` looks before it gives up. */
export const NEXT_OPEN_HORIZON_DAYS = 366;

/**
 * Epoch ms of the next moment the calendar is open: `now` itself when open, else the start of
 * the next window, skipping holidays (local dates in the calendar's zone). Window starts are
 * wall-clock times, so a DST change moves them in UTC as it should. A start that falls in a
 * DST gap (e.g. 02:30 on a spring-forward night) resolves the way luxon does: shifted forward
 * by the gap.
 *
 * @throws DomainError("invalid_config") when the calendar never opens within 366 days.
 * @example
 * // Friday 19:00 in Paris with Mon-Fri 09:00-18:00 hours → Monday 09:00 Paris
 * nextOpen(parisCalendar, fridayEvening);
 */
export function nextOpen(cal: BusinessCalendar, now: number): number {
  if (isOpen(cal, now)) return now;
  const days = weeklyIndex(cal);
  const holidays = new Set(cal.holidays);
  const today = DateTime.fromMillis(now, { zone: cal.timeZone }).startOf("day");
  if (!today.isValid) throw new DomainError("invalid_config", `unknown time zone "${cal.timeZone}"`);
  for (let d = 0; d <= NEXT_OPEN_HORIZON_DAYS; d++) {
    const date = today.plus({ days: d });
    if (holidays.has(date.toISODate() ?? "")) continue;
    for (const w of days[date.weekday] ?? []) {
      const start = DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day, hour: Math.floor(w.start / 60), minute: w.start % 60 },
        { zone: cal.timeZone },
      ).toMillis();
      if (start >= now) return start;
    }
  }
  throw new DomainError("invalid_config", `business calendar (${cal.timeZone}) never opens in the next ${NEXT_OPEN_HORIZON_DAYS} days`);
}
