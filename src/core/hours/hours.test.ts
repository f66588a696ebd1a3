import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import type { BusinessCalendar, WeeklyInterval } from "../model.js";
import { formatPromise, isOpen, minutesOfDay, nextOpen, replyBy, zoneCity } from "./index.js";

const weekdays = (start: string, end: string): WeeklyInterval[] => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

const paris: BusinessCalendar = { timeZone: "Europe/Paris", weekly: weekdays("09:00", "18:00"), holidays: [] };
const splitShift: BusinessCalendar = {
  timeZone: "Europe/Paris",
  weekly: [...weekdays("08:00", "12:00"), ...weekdays("13:00", "18:00")],
  holidays: ["2026-12-25"],
};
const newYork: BusinessCalendar = { timeZone: "America/New_York", weekly: weekdays("09:00", "17:00"), holidays: [] };

const at = (iso: string, zone: string): number => {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toMillis();
};
const iso = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toISO() ?? "";

describe("minutesOfDay", () => {
  it("reads HH:mm and the 24:00 end", () => {
    expect(minutesOfDay("00:00")).toBe(0);
    expect(minutesOfDay("13:30")).toBe(810);
    expect(minutesOfDay("24:00")).toBe(1440);
    expect(minutesOfDay("24:01")).toBeNull();
    expect(minutesOfDay("9:00")).toBeNull();
  });
});

describe("isOpen", () => {
  it("is open inside a window and closed at its end (half-open)", () => {
    expect(isOpen(paris, at("2026-03-04T09:00", "Europe/Paris"))).toBe(true);
    expect(isOpen(paris, at("2026-03-04T17:59:59.999", "Europe/Paris"))).toBe(true);
    expect(isOpen(paris, at("2026-03-04T18:00", "Europe/Paris"))).toBe(false);
    expect(isOpen(paris, at("2026-03-04T08:59:59", "Europe/Paris"))).toBe(false);
  });

  it("reads the calendar's zone, not UTC", () => {
    // 08:30 UTC is 09:30 in Paris (winter, UTC+1): open.
    expect(isOpen(paris, Date.UTC(2026, 2, 4, 8, 30))).toBe(true);
    // 13:30 UTC is 08:30 in New York (winter, UTC-5): closed.
    expect(isOpen(newYork, Date.UTC(2026, 2, 4, 13, 30))).toBe(false);
  });

  it("is closed over the lunch gap of a split shift", () => {
    expect(isOpen(splitShift, at("2026-03-04T11:59", "Europe/Paris"))).toBe(true);
    expect(isOpen(splitShift, at("2026-03-04T12:30", "Europe/Paris"))).toBe(false);
    expect(isOpen(splitShift, at("2026-03-04T13:00", "Europe/Paris"))).toBe(true);
  });

  it("is closed all day on a holiday (a Friday)", () => {
    expect(isOpen(splitShift, at("2026-12-25T10:00", "Europe/Paris"))).toBe(false);
  });

  it("keeps a window ending 24:00 open until midnight", () => {
    const late: BusinessCalendar = { timeZone: "UTC", weekly: [{ day: 3, start: "20:00", end: "24:00" }], holidays: [] };
    expect(isOpen(late, Date.UTC(2026, 2, 4, 23, 59, 59))).toBe(true);
    expect(isOpen(late, Date.UTC(2026, 2, 5, 0, 0))).toBe(false);
  });
});

describe("nextOpen", () => {
  it("returns now when open", () => {
    const now = at("2026-03-04T10:00", "Europe/Paris");
    expect(nextOpen(paris, now)).toBe(now);
  });

  it("goes from Friday evening to Monday morning", () => {
    const friday = at("2026-03-06T19:00", "Europe/Paris");
    expect(iso(nextOpen(paris, friday), "Europe/Paris")).toBe("2026-03-09T09:00:00.000+01:00");
  });

  it("opens after the lunch gap of a split shift", () => {
    const lunch = at("2026-03-04T12:15", "Europe/Paris");
    expect(iso(nextOpen(splitShift, lunch), "Europe/Paris")).toBe("2026-03-04T13:00:00.000+01:00");
  });

  it("opens later the same day before the first window", () => {
    const early = at("2026-03-04T06:00", "Europe/Paris");
    expect(iso(nextOpen(splitShift, early), "Europe/Paris")).toBe("2026-03-04T08:00:00.000+01:00");
  });

  it("skips a holiday, dated in the calendar's zone", () => {
    // Thursday 24 Dec 18:30 Paris → Friday 25 is a holiday → Monday 28.
    const christmasEve = at("2026-12-24T18:30", "Europe/Paris");
    expect(iso(nextOpen(splitShift, christmasEve), "Europe/Paris")).toBe("2026-12-28T08:00:00.000+01:00");
    // 23:30 UTC on the 24th is already the 25th in Paris: still the holiday.
    expect(isOpen(splitShift, Date.UTC(2026, 11, 24, 23, 30))).toBe(false);
  });

  it("keeps wall-clock opening across a DST change (New York, 8 March 2026)", () => {
    const friday = at("2026-03-06T18:00", "America/New_York");
    const monday = nextOpen(newYork, friday);
    expect(iso(monday, "America/New_York")).toBe("2026-03-09T09:00:00.000-04:00");
    expect(monday).toBe(Date.UTC(2026, 2, 9, 13, 0)); // 13:00 UTC, not 14:00 as in winter
  });

  it("opens at the right instant on the DST transition day itself (Paris, 29 March 2026)", () => {
    const sundays: BusinessCalendar = { timeZone: "Europe/Paris", weekly: [{ day: 7, start: "08:00", end: "12:00" }], holidays: [] };
    const night = at("2026-03-29T00:30", "Europe/Paris"); // still UTC+1
    expect(nextOpen(sundays, night)).toBe(Date.UTC(2026, 2, 29, 6, 0)); // 08:00 at UTC+2
    expect(isOpen(sundays, Date.UTC(2026, 2, 29, 6, 30))).toBe(true);
    expect(isOpen(sundays, Date.UTC(2026, 2, 29, 7, 30))).toBe(true); // 09:30 local
    expect(isOpen(sundays, Date.UTC(2026, 2, 29, 5, 30))).toBe(false); // 07:30 local
  });

  it("throws invalid_config when the calendar never opens", () => {
    const never: BusinessCalendar = { timeZone: "UTC", weekly: [], holidays: [] };
    expect(() => nextOpen(never, 0)).toThrow(DomainError);
    try {
      nextOpen(never, 0);
    } catch (e) {
      expect((e as DomainError).code).toBe("invalid_config");
    }
  });

  it("finds an opening almost a year away", () => {
    // Only Mondays, and every Monday of 2026 after 5 January is a holiday.
    const holidays: string[] = [];
    for (let d = DateTime.fromISO("2026-01-12", { zone: "UTC" }); d.year === 2026; d = d.plus({ weeks: 1 })) {
      holidays.push(d.toISODate() ?? "");
    }
    const cal: BusinessCalendar = { timeZone: "UTC", weekly: [{ day: 1, start: "09:00", end: "10:00" }], holidays };
    expect(iso(nextOpen(cal, Date.UTC(2026, 0, 6)), "UTC")).toBe("2027-01-04T09:00:00.000Z");
  });

  it("property: the result is open, not before now, and nothing earlier is open", () => {
    const zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];
    const interval = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 4 * 4, max: 22 * 4 }), fc.integer({ min: 1, max: 8 * 4 }))
      .map(([day, q, len]): WeeklyInterval => {
        const start = q * 15;
        const end = Math.min(start + len * 15, 24 * 60);
        const hhmm = (m: number) => (m === 1440 ? "24:00" : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
        return { day, start: hhmm(start), end: hhmm(end) };
      });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(interval, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (timeZone, weekly, now) => {
          const cal: BusinessCalendar = { timeZone, weekly, holidays: [] };
          const open = nextOpen(cal, now);
          expect(open).toBeGreaterThanOrEqual(now);
          expect(isOpen(cal, open)).toBe(true);
          for (let t = now; t < open; t += 19 * 60_000) expect(isOpen(cal, t)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("formatPromise", () => {
  const mondayParis = at("2026-03-09T09:00", "Europe/Paris");

  it("formats in the visitor's zone and names it", () => {
    expect(formatPromise(mondayParis, "Europe/Paris", "en-US")).toBe("Monday 9:00 AM (Paris)");
    expect(formatPromise(mondayParis, "America/New_York", "en-US")).toBe("Monday 4:00 AM (New York)");
  });

  it("uses the visitor's locale", () => {
    expect(formatPromise(mondayParis, "Europe/Paris", "fr-FR")).toBe("lundi 09:00 (Paris)");
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(formatPromise(mondayParis, "Mars/Olympus", "en-US")).toBe("Monday 8:00 AM (UTC)");
  });

  it("adds the date when the promise is a week or more away", () => {
    const now = mondayParis - 10 * 24 * 3600 * 1000;
    expect(formatPromise(mondayParis, "Europe/Paris", "en-US", now)).toBe("Monday, March 9 at 9:00 AM (Paris)");
    expect(formatPromise(mondayParis, "Europe/Paris", "en-US", mondayParis - 3600_000)).toBe("Monday 9:00 AM (Paris)");
  });
});

describe("replyBy: every promise names a time", () => {
  it("is the next opening while closed", () => {
    expect(replyBy(splitShift, at("2026-03-06T19:30", "Europe/Paris"), 60)).toBe(at("2026-03-09T08:00", "Europe/Paris"));
  });

  it("is the reply window from now while open, rounded up to five minutes", () => {
    expect(replyBy(splitShift, at("2026-03-04T10:02", "Europe/Paris"), 60)).toBe(at("2026-03-04T11:05", "Europe/Paris"));
    expect(replyBy(splitShift, at("2026-03-04T10:00", "Europe/Paris"), 30)).toBe(at("2026-03-04T10:30", "Europe/Paris"));
  });

  it("moves to the next opening when the window ends in a break or after closing", () => {
    expect(replyBy(splitShift, at("2026-03-04T11:30", "Europe/Paris"), 60)).toBe(at("2026-03-04T13:00", "Europe/Paris"));
    expect(replyBy(splitShift, at("2026-03-06T17:30", "Europe/Paris"), 60)).toBe(at("2026-03-09T08:00", "Europe/Paris"));
  });

  it("property: never before now, and the team is open then", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 1, max: 600 }), (minute, within) => {
        const now = at("2026-01-01T00:00", "UTC") + minute * 60_000;
        const by = replyBy(splitShift, now, within);
        expect(by).toBeGreaterThanOrEqual(now);
        expect(isOpen(splitShift, by)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("zoneCity", () => {
  it("names a zone by its city, as people do (issue 17)", () => {
    expect(zoneCity("America/New_York")).toBe("New York");
    expect(zoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(zoneCity("Europe/Paris")).toBe("Paris");
    expect(zoneCity("UTC")).toBe("UTC");
    expect(zoneCity("Etc/GMT+2")).toBe("GMT+2");
    expect(formatPromise(Date.UTC(2026, 2, 9, 8), "America/New_York", "en-US")).not.toContain("America/");
  });
});
