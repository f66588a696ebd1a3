/** "HH:mm" with hours 00-23, or the end-of-day marker "24:00". */
export const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * Minutes since local midnight for a "HH:mm" wall-clock time ("24:00" is 1440).
 * Returns null for anything else, so callers (config validation) can report it.
 *
 * @example
 * minutesOfDay("13:30"); // 810
 * minutesOfDay("24:00"); // 1440
 */
export function minutesOfDay(hhmm: string): number | null {
  const m = TIME_OF_DAY.exec(hhmm);
  if (m === null) return null;
  if (m[1] === undefined || m[2] === undefined) return 24 * 60;
  return Number(m[1]) * 60 + Number(m[2]);
}
