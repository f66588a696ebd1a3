import { expect, it } from "vitest";
import type { ResumeRecord } from "../../src/ports/visitor-session.store.js";
import { conversation, T0 } from "./fixtures.js";
import { expectDomainError, type StoreUnderTest } from "./store.contract.js";

const DAY = 24 * 3600 * 1000;
const record = (tokenHash: string, conversationId: string, over: Partial<ResumeRecord> = {}): ResumeRecord => ({
  tokenHash,
  visitorId: "visitor-1",
  conversationId,
  createdAt: T0,
  expiresAt: T0 + DAY,
  ...over,
});

/** Visitors' resume tokens: stored by hash, found only while unexpired, shortened, revoked. */
export function sessionsContract(t: () => StoreUnderTest): void {
  it("finds a resume token by its hash only until it expires", async () => {
    const { conversations, sessions } = t().store;
    await conversations.createConversation(conversation("c1"));
    await sessions.saveResumeToken(record("h1", "c1"));
    expect(await sessions.findResumeToken("h1", T0)).toEqual(record("h1", "c1"));
    expect(await sessions.findResumeToken("h1", T0 + DAY - 1)).toEqual(record("h1", "c1"));
    expect(await sessions.findResumeToken("h1", T0 + DAY)).toBeNull();
    expect(await sessions.findResumeToken("other", T0)).toBeNull();
    await expectDomainError(sessions.saveResumeToken(record("h1", "c1")), "conflict");
    await expectDomainError(sessions.saveResumeToken(record("h2", "ghost")), "conversation_not_found");
  });

  it("shortens a token's life but never lengthens it, and revokes a conversation's tokens", async () => {
    const { conversations, sessions } = t().store;
    await conversations.createConversation(conversation("c1"));
    await conversations.createConversation(conversation("c2"));
    await sessions.saveResumeToken(record("h1", "c1"));
    await sessions.saveResumeToken(record("h2", "c1"));
    await sessions.saveResumeToken(record("h3", "c2"));
    await sessions.expireResumeToken("h1", T0 + 60_000);
    expect((await sessions.findResumeToken("h1", T0))?.expiresAt).toBe(T0 + 60_000);
    expect(await sessions.findResumeToken("h1", T0 + 60_000)).toBeNull();
    await sessions.expireResumeToken("h2", T0 + 2 * DAY);
    expect((await sessions.findResumeToken("h2", T0))?.expiresAt).toBe(T0 + DAY);
    expect(await sessions.revokeResumeTokens("c1")).toBe(2);
    expect(await sessions.findResumeToken("h2", T0)).toBeNull();
    expect(await sessions.findResumeToken("h3", T0)).not.toBeNull();
    expect(await sessions.purgeExpiredResumeTokens(T0 + DAY)).toBe(1);
    expect(await sessions.findResumeToken("h3", T0)).toBeNull();
  });

  it("remembers signed-out session ids until they expire, idempotently", async () => {
    const { sessions } = t().store;
    expect(await sessions.isSessionRevoked("j1", T0)).toBe(false);
    await sessions.revokeSession("j1", T0 + 1000);
    await sessions.revokeSession("j1", T0 + 1000);
    expect(await sessions.isSessionRevoked("j1", T0)).toBe(true);
    expect(await sessions.isSessionRevoked("j1", T0 + 1000)).toBe(false);
    expect(await sessions.isSessionRevoked("j2", T0)).toBe(false);
    expect(await sessions.purgeExpiredResumeTokens(T0 + 1000)).toBe(1);
    expect(await sessions.isSessionRevoked("j1", T0)).toBe(false);
  });
}
