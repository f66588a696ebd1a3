import { describe, expect, it } from "vitest";
import { signBatonRequest, verifyBatonSignature } from "./verify.js";

const secret = "bot-secret-0123456789abcdef";
const body = JSON.stringify({ event: "visitor_message", conversationId: "c1", message: { text: "hello" } });
const now = 1_795_000_000_000;

describe("the bot SDK's signature check", () => {
  const header = signBatonRequest(secret, body, now);

  it("accepts Baton's own signature on the raw body", () => {
    expect(verifyBatonSignature({ secret, body, header, nowMs: now + 2000 })).toEqual({ ok: true, timestamp: Math.floor(now / 1000) });
    expect(verifyBatonSignature({ secret, body: Buffer.from(body), header: [header], nowMs: now }).ok).toBe(true);
  });

  it("refuses a tampered body, a wrong secret, a missing or malformed header", () => {
    expect(verifyBatonSignature({ secret, body: body.replace("hello", "refund"), header, nowMs: now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyBatonSignature({ secret: "another-secret-0123456789", body, header, nowMs: now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyBatonSignature({ secret, body, header: undefined, nowMs: now })).toEqual({ ok: false, reason: "missing" });
    expect(verifyBatonSignature({ secret, body, header: "t=abc,v1=00", nowMs: now })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a replay outside the window (5 minutes by default), either side", () => {
    expect(verifyBatonSignature({ secret, body, header, nowMs: now + 301_000 })).toEqual({ ok: false, reason: "expired" });
    expect(verifyBatonSignature({ secret, body, header, nowMs: now - 301_000 })).toEqual({ ok: false, reason: "expired" });
    expect(verifyBatonSignature({ secret, body, header, nowMs: now + 301_000, toleranceSeconds: 600 }).ok).toBe(true);
  });

  it("binds the timestamp: a signature moved to another time does not verify", () => {
    const v1 = header.split("v1=")[1];
    const moved = `t=${Math.floor(now / 1000) + 60},v1=${v1}`;
    expect(verifyBatonSignature({ secret, body, header: moved, nowMs: now })).toEqual({ ok: false, reason: "mismatch" });
  });
});
