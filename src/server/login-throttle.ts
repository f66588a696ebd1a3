import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { DomainError } from "../core/errors.js";

const WINDOW_MS = 60_000;

/**
 * Failed sign-ins per account (known or not, so the answer tells nothing): past the limit in
 * the last minute, the account's sign-in is refused with `rate_limited` until failures age out.
 * A successful sign-in does not count, so colleagues signing in from many tabs are never locked.
 *
 * @example
 * await throttle.check(email, now);
 * if (!ok) await throttle.failed(email, now);
 */
export interface LoginThrottle {
  /** Throws `rate_limited` while the account has `perMinute` failures in the last minute. */
  check(email: string, now: number): Promise<void>;
  failed(email: string, now: number): Promise<void>;
}

const accountKey = (email: string): string => email.trim().toLowerCase();

function refusal(oldest: number, now: number): DomainError {
  const wait = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
  return new DomainError("rate_limited", `too many failed sign-ins for this account; try again in ${wait} s`);
}

/** One node's own memory (single-node Baton). */
export class MemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  async check(email: string, now: number): Promise<void> {
    const recent = this.recent(accountKey(email), now);
    if (recent.length >= this.perMinute) throw refusal(recent[0] ?? now, now);
  }

  async failed(email: string, now: number): Promise<void> {
    const key = accountKey(email);
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

/**
 * The cluster's: failures in one Redis sorted set per account (scored by time, expiring with the
 * window), so an attacker whose attempts the load balancer spreads over three nodes gets the
 * limit once, not three times. The account is hashed in the key: no e-mail addresses in Redis.
 * With Redis unreachable it lets sign-ins through (and says so through `onError`), like the
 * per-address limit: a rate limit must not lock every agent out.
 */
export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly perMinute: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  private key(email: string): string {
    return `${this.keyPrefix}login-failures:${createHash("sha256").update(accountKey(email)).digest("hex")}`;
  }

  async check(email: string, now: number): Promise<void> {
    const key = this.key(email);
    let times: number[];
    try {
      const replies = await this.redis.multi().zremrangebyscore(key, "-inf", now - WINDOW_MS).zrange(key, "0", "-1", "WITHSCORES").exec();
      const [err, withScores] = replies?.[1] ?? [new Error("no reply from Redis"), []];
      if (err !== null) throw err;
      times = (withScores as string[]).filter((_, i) => i % 2 === 1).map(Number);
    } catch (err) {
      this.onError(err);
      return;
    }
    if (times.length >= this.perMinute) throw refusal(Math.min(...times), now);
  }

  async failed(email: string, now: number): Promise<void> {
    const key = this.key(email);
    await this.redis
      .multi()
      .zadd(key, now, `${now}-${randomBytes(4).toString("hex")}`)
      .pexpire(key, WINDOW_MS)
      .exec()
      .catch(this.onError);
  }
}
