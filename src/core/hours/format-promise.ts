import { DateTime, IANAZone } from "luxon";

const WEEK_MS = 6 * 24 * 3600 * 1000;

/**
 * A reply promise for the visitor, in their time zone and locale, naming the zone:
 * "Monday 9:00 AM (Europe/Paris)". An unknown zone falls back to UTC. Pass `now` to add the
 * date when the promise is six days or more away (a long holiday), where a weekday alone
 * would be ambiguous: "Monday, January 5 at 9:00 AM (Europe/Paris)".
 *
 * @example
 * formatPromise(Date.UTC(2026, 2, 9, 8), "Europe/Paris", "en-US"); // "Monday 9:00 AM (Europe/Paris)"
 */
export function formatPromise(at: number, timeZone: string, locale: string, now?: number): string {
  const zone = IANAZone.isValidZone(timeZone) ? timeZone : "UTC";
  const local = DateTime.fromMillis(at, { zone }).setLocale(locale);
  const far = now !== undefined && at - now >= WEEK_MS;
  const text = local.toLocaleString(
    far
      ? { weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" }
      : { weekday: "long", hour: "numeric", minute: "2-digit" },
  );
  // ICU puts narrow no-break spaces before AM/PM; plain spaces read the same and survive e-mail.
  return `${text.replace(/[\u202f\u00a0]/g, " ")} (${zone})`;
}
