import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../core/errors.js";
import { RateLimits, TokenBuckets } from "./rate-limits.js";

describe("TokenBuckets", () => {
  it("never lets more through than the burst plus the refill, and a refused take names a wait that is enough", () => {
    fc.assert(
      fc.property(
        fc.record({ perSecond: fc.double({ min: 0.1, max: 50, noNaN: true }), burst: fc.integer({ min: 1, max: 20 }) }),
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 500 }), key: fc.constantFrom("a", "b") }), { maxLength: 200 }),
        (config, steps) => {
          let t = 0;
          const buckets = new TokenBuckets(config, 100, () => t);
          const taken = new Map<string, number>();
          for (const s of steps) {
            t += s.dt;
            const wait = buckets.take(s.key);
            if (wait === 0) taken.set(s.key, (taken.get(s.key) ?? 0) + 1);
            else {
              expect(wait).toBeGreaterThan(0);
              const probe = new TokenBuckets(config, 100, () => t);
              expect(probe.take("fresh")).toBe(0);
            }
            expect(taken.get(s.key) ?? 0).toBeLessThanOrEqual(config.burst + (t / 1000) * config.perSecond + 1e-9);
          }
        },
      ),
    );
  });

  it("gives a token back after the wait it names", () => {
    let t = 0;
    const buckets = new TokenBuckets({ perSecond: 2, burst: 2 }, 10, () => t);
    expect([buckets.take("k"), buckets.take("k")]).toEqual([0, 0]);
    const wait = buckets.take("k");
    expect(wait).toBe(500);
    t += wait;
    expect(buckets.take("k")).toBe(0);
  });

  it("keeps at most maxKeys keys, so a flood of new sockets cannot grow memory", () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, 100, () => 0);
    for (let i = 0; i < 10_000; i++) buckets.take(`socket-${i}`);
    expect(buckets.size).toBe(100);
  });
});

describe("RateLimits", () => {
  const config = {
    socketFrames: { perSecond: 100, burst: 100 },
    ipFrames: { perSecond: 100, burst: 100 },
    messages: { perSecond: 1, burst: 2 },
    typing: { perSecond: 1, burst: 1 },
    sessions: { perSecond: 1, burst: 1 },
    connections: { perSecond: 1, burst: 1 },
    inboxItems: { perSecond: 1, burst: 1 },
    transcriptMails: { perSecond: 1, burst: 1 },
    disconnectAfterRefused: 10,
    trackedKeys: 100,
  };

  it("refuses with rate_limited and a retry-after once a conversation's messages are spent, a reconnect included", () => {
    const limits = new RateLimits(config, () => 0);
    expect(limits.visitorFrame("s1", "ip", "c1", "message:send")).toBeNull();
    expect(limits.visitorFrame("s1", "ip", "c1", "message:send")).toBeNull();
    expect(limits.visitorFrame("s1", "ip", "c1", "message:send")).toEqual({ code: "rate_limited", message: expect.stringMatching(/too many messages/), retryAfterMs: 1000 });
    // A new socket of the same conversation does not get a fresh bucket.
    expect(limits.visitorFrame("s2", "ip", "c1", "message:send")?.code).toBe("rate_limited");
    // Another conversation, and other frames of the same socket, are not affected.
    expect(limits.visitorFrame("s3", "ip", "c2", "message:send")).toBeNull();
    expect(limits.visitorFrame("s1", "ip", "c1", "history")).toBeNull();
  });

  it("throws rate_limited (HTTP 429) for a session over the limit", () => {
    const limits = new RateLimits(config, () => 0);
    limits.session("ip");
    let error: unknown = null;
    try {
      limits.session("ip");
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code).toBe("rate_limited");
    expect((error as { details: { retryAfterMs: number } }).details.retryAfterMs).toBe(1000);
  });
});
