import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { isDomainError } from "../../src/core/errors.js";
import { type LoginThrottle, MemoryLoginThrottle, RedisLoginThrottle } from "../../src/server/login-throttle.js";
import { IN_CI } from "../integration/pg-database.js";
import { freePort } from "../integration/ports.js";
import { REDIS_URL, redisProblem, uniqueRedisPrefix } from "../integration/redis-server.js";

/**
 * The sign-in throttle's contract, for one node's memory and for the cluster's Redis: at most
 * `perMinute` failures per account in a sliding minute, whatever the case of the address; the
 * right password does not get through a throttled account; failures age out.
 */

const redisMissing = await redisProblem();
if (redisMissing !== null && IN_CI) throw new Error(`Redis is needed in CI: ${redisMissing}`);

async function refused(throttle: LoginThrottle, email: string, now: number): Promise<string | null> {
  try {
    await throttle.check(email, now);
    return null;
  } catch (err) {
    if (isDomainError(err) && err.code === "rate_limited") return err.message;
    throw err;
  }
}

const keys = uniqueRedisPrefix("throttle");
const redis = new Redis(REDIS_URL, { lazyConnect: true });
afterAll(async () => {
  redis.disconnect();
  await keys.drop();
});

const implementations: [string, () => LoginThrottle][] = [
  ["memory", () => new MemoryLoginThrottle(3)],
  ...(redisMissing === null ? ([["redis", () => new RedisLoginThrottle(redis, `${keys.prefix}${Math.random()}:`, 3, (err) => { throw err; })]] as [string, () => LoginThrottle][]) : []),
];

describe.each(implementations)("login throttle contract: %s", (_name, make) => {
  it("refuses after perMinute failures in a minute, for any case of the address, then lets the account in again once they age out", async () => {
    const throttle = make();
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 3; i++) {
      expect(await refused(throttle, "Kenji@Demo.Baton", t0 + i * 1000)).toBeNull();
      await throttle.failed(i % 2 === 0 ? "kenji@demo.baton" : " KENJI@demo.baton ", t0 + i * 1000);
    }
    expect(await refused(throttle, "kenji@demo.baton", t0 + 3000)).toMatch(/try again in 57 s/);
    expect(await refused(throttle, "someone.else@demo.baton", t0 + 3000), "another account is not affected").toBeNull();
    // The oldest failure leaves the window at t0 + 60 s: one more attempt is allowed.
    expect(await refused(throttle, "kenji@demo.baton", t0 + 59_999)).not.toBeNull();
    expect(await refused(throttle, "kenji@demo.baton", t0 + 60_001)).toBeNull();
  });
});

describe.skipIf(redisMissing !== null)("login throttle on Redis, Redis unreachable", () => {
  it("lets sign-ins through and reports the error (a rate limit must not lock every agent out)", async () => {
    const nowhere = new Redis(`redis://127.0.0.1:${await freePort()}`, { lazyConnect: true, connectTimeout: 300, maxRetriesPerRequest: 1, retryStrategy: () => null });
    nowhere.on("error", () => {});
    const errors: unknown[] = [];
    const throttle = new RedisLoginThrottle(nowhere, "x:", 1, (err) => errors.push(err));
    await throttle.failed("kenji@demo.baton", 1);
    await throttle.failed("kenji@demo.baton", 2);
    expect(await refused(throttle, "kenji@demo.baton", 3)).toBeNull();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    nowhere.disconnect();
  });
});
