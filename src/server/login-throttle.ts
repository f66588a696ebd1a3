import { DomainError } from "../core/errors.js";

const WINDOW_MS = 60_000;

/**
 * Failed sign-ins per account (known or not, so the answer tells nothing): past the limit in
 * the last minute, the account's sign-in is refused with `rate_limited` until failures age out.
 * A successful sign-in does not count, so colleagues signing in from many tabs are never locked.
 *
 * @example
 * throttle.check(email, now);
 * if (!ok) throttle.failed(email, now);
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  check(email: string, now: number): void {
    const recent = this.recent(email.trim().toLowerCase(), now);
    if (recent.length >= this.perMinute) {
      const wait = Math.max(1, Math.ceil(((recent[0] ?? now) + WINDOW_MS - now) / 1000));
      throw new DomainError("rate_limited", `too many failed sign-ins for this account; try again in ${wait} s`);
    }
  }

  failed(email: string, now: number): void {
    const key = email.trim().toLowerCase();
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 50_000) {
      for (const [k, times] of this.failures) if (times.every((t) => t <= now - WINDOW_MS)) this.failures.delete(k);
    }
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS && t <= now);
  }
}
