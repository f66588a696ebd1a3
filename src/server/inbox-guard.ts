import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";

/** Open messages one conversation may have waiting in the inbox. */
export const OPEN_PER_CONVERSATION = 3;

/**
 * What a conversation may leave in the inbox, checked in the serial lane (two frames at once
 * cannot both claim the reply address): one reply address per conversation (the first one given;
 * another is `forbidden`), so a visitor socket cannot have replies mailed to any address it likes,
 * and at most OPEN_PER_CONVERSATION messages waiting (`conflict`). How many a client address may
 * leave over time is the rate limit `limits.inboxItems` (one token bucket, `rate_limited` with
 * `retryAfterMs`), applied to the frame before it gets here.
 *
 * @example
 * await checkInboxItem(engine, conversationId, f.email);
 */
export async function checkInboxItem(engine: Engine, conversationId: string, email: string): Promise<void> {
  const earlier = await engine.deps.store.listInbox({ conversationId });
  const first = earlier[0];
  if (first !== undefined && first.email.toLowerCase() !== email.toLowerCase()) {
    throw new DomainError("forbidden", "replies in this conversation go to the address given first; leave the message with that address", { path: "email" });
  }
  if (earlier.filter((i) => i.status === "open").length >= OPEN_PER_CONVERSATION) {
    throw new DomainError("conflict", `this conversation already has ${OPEN_PER_CONVERSATION} messages waiting for a reply; we will answer them first`);
  }
}
