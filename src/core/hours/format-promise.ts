import { DateTime, IANAZone } from "luxon";

const WEEK_MS = 6 * 24 * 3600 * 1000;

/**
 * A reply promise for the visitor, in their time zone and locale, naming the zone:
 * "Monday 9:00 AM (Paris)" (the zone by its city, see zoneCity). An unknown zone falls back to UTC. Pass `now` to add the
 * date when the promise is six days or more away (a long holiday), where a weekday alone
 * would be ambiguous: "Monday, January 5 at 9:00 AM (Paris)".
 *
 * @example
 * formatPromise(Date.UTC(2026, 2, 9, 8), "Europe/Paris", "en-US"); // "Monday 9:00 AM (Paris)"
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
  return `${text.replace(/[\u202f\u00a0]/g, " ")} (${zoneCity(zone)})`;
}

/**
 * A time zone as people name it: its city ("America/New_York" → "New York",
 * "America/Argentina/Buenos_Aires" → "Buenos Aires"); zones without a city ("UTC", "Etc/GMT+2")
 * as they are.
 *
 * @example
 * zoneCity("America/New_York"); // "New York"
 */
export function zoneCity(zone: string): string {
  const parts = zone.split("/");
  if (parts.length < 2 || parts[0] === "Etc") return parts.at(-1) ?? zone;
  return (parts.at(-1) ?? zone).replace(/_/g, " ");
}
