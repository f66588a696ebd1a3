import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { minutesOfDay } from "../hours/time-of-day.js";
import type { BusinessCalendar, WeeklyInterval } from "../model.js";

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A weekday: 1 (Monday) .. 7 (Sunday), or "mon" .. "sun". Parses to the ISO number. */
const daySchema = z.union([
  z.number().int().min(1, "days are 1 (Monday) .. 7 (Sunday)").max(7, "days are 1 (Monday) .. 7 (Sunday)"),
  z.enum(DAY_NAMES).transform((name) => DAY_NAMES.indexOf(name) + 1),
]);

const timeSchema = z.string().refine((s) => minutesOfDay(s) !== null, 'times are "HH:mm" (24-hour), or "24:00" for an end');

/**
 * One opening window on one or more days: `{ days: [mon, tue], start: "08:00", end: "12:00" }`,
 * or `{ day: 1, ... }` for a single day. Windows end before they start on the next day; a
 * night shift is two windows ("22:00"-"24:00" and "00:00"-"06:00" the next day).
 */
const windowSchema = z
  .strictObject({
    day: daySchema.optional(),
    days: z.array(daySchema).min(1).optional(),
    start: timeSchema,
    end: timeSchema,
  })
  .superRefine((w, ctx) => {
    if ((w.day === undefined) === (w.days === undefined)) {
      ctx.addIssue({ code: "custom", path: ["days"], message: "give either day (one) or days (a list)" });
    }
    const start = minutesOfDay(w.start);
    const end = minutesOfDay(w.end);
    if (start !== null && end !== null && start >= end) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `end ${w.end} must be after start ${w.start}` });
    }
    if (w.start === "24:00") ctx.addIssue({ code: "custom", path: ["start"], message: '"24:00" can only end a window' });
  })
  .transform((w): WeeklyInterval[] => (w.days ?? (w.day === undefined ? [] : [w.day])).map((day) => ({ day, start: w.start, end: w.end })));

/** Business hours of a team, in its own IANA zone, with holidays as local ISO dates. */
export const calendarSchema = z.strictObject({
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { error: (i) => `unknown IANA time zone "${String(i.input)}"` }),
  weekly: z.array(windowSchema).transform((ws) => ws.flat()),
  holidays: z
    .array(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "holidays are ISO dates: 2026-12-25")
        .refine((d) => DateTime.fromISO(d).isValid, { error: (i) => `no such date ${String(i.input)}` }),
    )
    .default([]),
}) satisfies z.ZodType<BusinessCalendar, unknown>;
