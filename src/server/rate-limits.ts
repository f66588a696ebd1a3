import { LRUCache } from "lru-cache";
import type { BucketConfig, LimitsConfig } from "../core/config/index.js";
import { DomainError } from "../core/errors.js";

/**
 * Token buckets by key (a socket id, an IP address): each key holds up to `burst` tokens, refilled
 * at `perSecond`, and each action takes one. At most `maxKeys` keys are kept (least recently used
 * forgotten first), so memory stays bounded whatever a flooder opens. Real time, not the domain
 * clock: limits are about the wire.
 *
 * @example
 * const buckets = new TokenBuckets({ perSecond: 2, burst: 5 }, 10_000);
 * buckets.take("socket-1"); // 0: taken; otherwise the milliseconds until a token is back
 */
export class TokenBuckets {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;

  constructor(
    private readonly config: BucketConfig,
    maxKeys: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.buckets = new LRUCache({ max: maxKeys });
  }

  /** Takes a token for `key`: 0 when taken, otherwise how many ms until one is available. */
  take(key: string): number {
    const t = this.now();
    const { perSecond, burst } = this.config;
    const b = this.buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, t - b.at) / 1000) * perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / perSecond) * 1000);
  }

  /** Keys tracked now (at most maxKeys). */
  get size(): number {
    return this.buckets.size;
  }
}

export type LimitKind = "frame" | "message" | "typing" | "inbox";

/**
 * Baton's rate limits (config `limits`): frames per socket and per visitor IP, visitor messages and
 * typing per socket, new sessions and inbox items per IP. A refused action throws `rate_limited`
 * with `retryAfterMs` in its details.
 */
export class RateLimits {
  readonly socketFrames: TokenBuckets;
  readonly ipFrames: TokenBuckets;
  readonly messages: TokenBuckets;
  readonly typing: TokenBuckets;
  readonly sessions: TokenBuckets;
  readonly inboxItems: TokenBuckets;

  constructor(config: LimitsConfig, now?: () => number) {
    const make = (c: BucketConfig) => new TokenBuckets(c, config.trackedKeys, now);
    this.socketFrames = make(config.socketFrames);
    this.ipFrames = make(config.ipFrames);
    this.messages = make(config.messages);
    this.typing = make(config.typing);
    this.sessions = make(config.sessions);
    this.inboxItems = make(config.inboxItems);
  }

  /** A visitor frame: per socket and per IP, then the frame's own bucket. */
  visitorFrame(socketId: string, ip: string, event: string): void {
    take(this.socketFrames, socketId, "frames");
    take(this.ipFrames, ip, "frames from your address");
    if (event === "message:send") take(this.messages, socketId, "messages");
    else if (event === "typing") take(this.typing, socketId, "typing signals");
    else if (event === "async:leave") take(this.inboxItems, ip, "messages left from your address");
  }

  /** An agent frame: per socket (agents are signed in; their address may be shared with visitors). */
  agentFrame(socketId: string, event: string): void {
    take(this.socketFrames, socketId, "frames");
    if (event === "typing") take(this.typing, socketId, "typing signals");
  }

  /** A new visitor session from `ip`. */
  session(ip: string): void {
    take(this.sessions, ip, "new chats from your address");
  }
}

function take(buckets: TokenBuckets, key: string, what: string): void {
  const wait = buckets.take(key);
  if (wait === 0) return;
  throw new DomainError("rate_limited", `too many ${what}: try again in ${Math.max(1, Math.ceil(wait / 1000))} s`, { retryAfterMs: wait });
}
