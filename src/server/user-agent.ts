import Bowser from "bowser";
import type { VisitorDevice } from "../ports/index.js";

/** Longest User-Agent read: anything past it is cut (headers are hostile input). */
const MAX_UA = 512;

/**
 * A visitor's browser, system and device kind from the User-Agent header, with bowser (a
 * well-kept parser, MIT). Null when there is no header; unknown parts stay null.
 *
 * @example
 * deviceFromUserAgent("v1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ... Safari/605.1.15", now)
 * // { visitorId: "v1", browser: "Safari 17.1", os: "macOS 10.15.7", device: "desktop", ... }
 */
export function deviceFromUserAgent(visitorId: string, header: string | string[] | undefined, at: number): VisitorDevice | null {
  const raw = (Array.isArray(header) ? header[0] : header)?.slice(0, MAX_UA).trim();
  if (raw === undefined || raw === "") return null;
  // Control characters never reach the store (same rule as every text field).
  const userAgent = raw.replace(/\p{Cc}/gu, " ");
  const p = Bowser.parse(userAgent);
  const join = (name: string | undefined, version: string | undefined, digits = 2) =>
    name === undefined || name === "" ? null : version ? `${name} ${version.split(".").slice(0, digits).join(".")}` : name;
  return {
    visitorId,
    userAgent,
    browser: join(p.browser.name, p.browser.version, 1),
    os: join(p.os.name, p.os.version ?? p.os.versionName, 2),
    device: p.platform.type ?? null,
    updatedAt: at,
  };
}
