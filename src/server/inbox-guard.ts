import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";

const HOUR = 3600_000;
/** Open messages one conversation may have waiting in the inbox. */
const OPEN_PER_CONVERSATION = 3;

/**
 * Limits on leaving messages for the inbox: per client address per hour, a few open items per
 * conversation, and one reply address per conversation (the first one given), so a visitor
 * socket cannot file items for (and have replies mailed to) any address it likes.
 *
 * @example
 * await guard.check(engine, conversationId, socket.handshake.address, f.email);
 */
export class InboxGuard {
  private readonly byIp = new Map<string, number[]>();

  constructor(private readonly perIpPerHour: number) {}

  async check(engine: Engine, conversationId: string, ip: string, email: string): Promise<void> {
    const now = engine.now();
    const earlier = await engine.deps.store.listInbox({ conversationId });
    const first = earlier[0];
    if (first !== undefined && first.email.toLowerCase() !== email.toLowerCase()) {
      throw new DomainError("forbidden", "replies in this conversation go to the address given first; leave the message with that address", { path: "email" });
    }
    if (earlier.filter((i) => i.status === "open").length >= OPEN_PER_CONVERSATION) {
      throw new DomainError("rate_limited", "this conversation already has messages waiting for a reply");
    }
    const recent = (this.byIp.get(ip) ?? []).filter((t) => t > now - HOUR && t <= now);
    if (recent.length >= this.perIpPerHour) throw new DomainError("rate_limited", "too many messages left from this address; try again later");
    recent.push(now);
    this.byIp.set(ip, recent);
    if (this.byIp.size > 10_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [ip, times] of this.byIp) if (times.every((t) => t <= now - HOUR)) this.byIp.delete(ip);
  }
}
