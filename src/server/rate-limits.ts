import { LRUCache } from "lru-cache";
import type { BucketConfig, LimitsConfig } from "../core/config/index.js";
import { DomainError } from "../core/errors.js";

const OPEN: BucketConfig = { perSecond: 1e9, burst: 1e9 };

/**
 * No limits at all: for benchmarks and fault tests that drive hundreds of clients from one
 * address, which is not what the abuse limits are for. Never the default.
 */
export const UNLIMITED_LIMITS: LimitsConfig = {
  socketFrames: OPEN,
  ipFrames: OPEN,
  messages: OPEN,
  typing: OPEN,
  connections: OPEN,
  sessions: OPEN,
  inboxItems: OPEN,
  transcriptMails: OPEN,
  disconnectAfterRefused: 1e9,
  trackedKeys: 100_000,
};

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

/** Why a frame was refused: the wire form of `rate_limited` (built without an exception: floods are cheap to refuse). */
export interface Refusal {
  readonly code: "rate_limited";
  readonly message: string;
  readonly retryAfterMs: number;
}

/**
 * Baton's rate limits (config `limits`): frames per socket and per visitor IP, visitor messages and
 * typing per conversation (a reconnect does not refill them), new sessions and inbox items per IP.
 * A socket that keeps sending after `disconnectAfterRefused` refusals in a row is cut off.
 */
export class RateLimits {
  readonly socketFrames: TokenBuckets;
  readonly ipFrames: TokenBuckets;
  readonly messages: TokenBuckets;
  readonly typing: TokenBuckets;
  readonly sessions: TokenBuckets;
  readonly connections: TokenBuckets;
  readonly inboxItems: TokenBuckets;
  readonly transcriptMails: TokenBuckets;
  readonly disconnectAfterRefused: number;

  private readonly cutOff: LRUCache<string, number>;
  private readonly now: () => number;
  /** How long an address cut off for flooding may not open a new connection. */
  readonly cutOffMs = 2000;

  constructor(config: LimitsConfig, now: () => number = () => performance.now()) {
    this.now = now;
    this.cutOff = new LRUCache({ max: config.trackedKeys });
    const make = (c: BucketConfig) => new TokenBuckets(c, config.trackedKeys, now);
    this.socketFrames = make(config.socketFrames);
    this.ipFrames = make(config.ipFrames);
    this.messages = make(config.messages);
    this.typing = make(config.typing);
    this.sessions = make(config.sessions);
    this.connections = make(config.connections);
    this.inboxItems = make(config.inboxItems);
    this.transcriptMails = make(config.transcriptMails);
    this.disconnectAfterRefused = config.disconnectAfterRefused;
  }

  /** A visitor frame: per socket and per IP, then the frame's own bucket. Null when allowed. */
  visitorFrame(socketId: string, ip: string, conversationId: string, event: string): Refusal | null {
    return (
      refuse(this.socketFrames, socketId, "frames") ??
      refuse(this.ipFrames, ip, "frames from your address") ??
      (event === "message:send"
        ? refuse(this.messages, conversationId, "messages")
        : event === "typing"
          ? refuse(this.typing, conversationId, "typing signals")
          : event === "async:leave"
            ? refuse(this.inboxItems, ip, "messages left from your address")
            : event === "transcript:email"
              ? (refuse(this.transcriptMails, `ip:${ip}`, "transcripts e-mailed from your address") ??
                refuse(this.transcriptMails, `conversation:${conversationId}`, "transcripts of this conversation"))
              : null)
    );
  }

  /**
   * A socket.io connection (the HTTP request that opens it, before any handshake work) from `ip`:
   * refused while the address is over its connection bucket or was just cut off for flooding.
   */
  connectionAllowed(ip: string): boolean {
    const until = this.cutOff.get(ip);
    if (until !== undefined && until > this.now()) return false;
    return this.connections.take(ip) === 0;
  }

  /** A socket from `ip` was cut off for flooding: new connections from there wait `cutOffMs`. */
  cutOffAddress(ip: string): void {
    this.cutOff.set(ip, this.now() + this.cutOffMs);
  }

  /** An agent frame: per socket (agents are signed in; their address may be shared with visitors). */
  agentFrame(socketId: string, event: string): Refusal | null {
    return refuse(this.socketFrames, socketId, "frames") ?? (event === "typing" ? refuse(this.typing, `agent:${socketId}`, "typing signals") : null);
  }

  /** A new visitor session from `ip`; throws `rate_limited` (HTTP 429) when refused. */
  session(ip: string): void {
    const r = refuse(this.sessions, ip, "new chats from your address");
    if (r !== null) throw new DomainError("rate_limited", r.message, { retryAfterMs: r.retryAfterMs });
  }
}

function refuse(buckets: TokenBuckets, key: string, what: string): Refusal | null {
  const wait = buckets.take(key);
  if (wait === 0) return null;
  return { code: "rate_limited", message: `too many ${what}: try again in ${Math.max(1, Math.ceil(wait / 1000))} s`, retryAfterMs: wait };
}
