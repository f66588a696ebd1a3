import { DomainError } from "../errors.js";
import type { BusinessCalendar } from "../model.js";
import { minutesOfDay } from "./time-of-day.js";

/** One opening window of a weekday, in minutes since local midnight, [start, end). */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** Memo by identity of the (readonly) weekly array: config calendars are parsed once. */
const cache = new WeakMap<readonly BusinessCalendar["weekly"][number][], readonly (readonly Window[])[]>();

/**
 * The calendar's weekly intervals grouped by ISO weekday (index 1..7), each day's windows
 * sorted by start. Throws DomainError("invalid_config") on a malformed interval; the config
 * schema rejects those earlier with a line number, this guards direct callers.
 */
export function weeklyIndex(cal: BusinessCalendar): readonly (readonly Window[])[] {
  const cached = cache.get(cal.weekly);
  if (cached !== undefined) return cached;
  const days: Window[][] = [[], [], [], [], [], [], [], []];
  for (const interval of cal.weekly) {
    const start = minutesOfDay(interval.start);
    const end = minutesOfDay(interval.end);
    const list = days[interval.day];
    if (start === null || end === null || start >= end || !Number.isInteger(interval.day) || list === undefined || interval.day < 1) {
      throw new DomainError("invalid_config", `bad business-hours interval: day ${interval.day} ${interval.start}-${interval.end}`);
    }
    list.push({ start, end });
  }
  for (const list of days) list.sort((a, b) => a.start - b.start);
  cache.set(cal.weekly, days);
  return days;
}
