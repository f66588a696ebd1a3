import { DateTime } from "luxon";
import type { BusinessCalendar } from "../model.js";
import { weeklyIndex } from "./weekly-index.js";

/**
 * Whether the calendar is open at `now` (epoch ms). Wall-clock rules in the calendar's zone:
 * a holiday closes the whole local day; an interval is open on [start, end).
 *
 * @example
 * isOpen({ timeZone: "Europe/Paris", weekly: [{ day: 1, start: "09:00", end: "17:00" }], holidays: [] }, now);
 */
export function isOpen(cal: BusinessCalendar, now: number): boolean {
  const local = DateTime.fromMillis(now, { zone: cal.timeZone });
  if (!local.isValid) return false;
  if (cal.holidays.includes(local.toISODate() ?? "")) return false;
  const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / 60_000;
  const windows = weeklyIndex(cal)[local.weekday] ?? [];
  return windows.some((w) => w.start <= minute && minute < w.end);
}
