import { describe, expect, it } from "vitest";
import { deviceFromUserAgent } from "./user-agent.js";

describe("deviceFromUserAgent", () => {
  it("reads browser, system and device kind", () => {
    const mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15";
    expect(deviceFromUserAgent("v1", mac, 5)).toMatchObject({ browser: "Safari 17", os: "macOS 10.15", device: "desktop", updatedAt: 5 });
    const android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Mobile Safari/537.36";
    expect(deviceFromUserAgent("v1", android, 5)).toMatchObject({ browser: "Chrome 120", os: "Android 14", device: "mobile" });
  });

  it("keeps nothing without a header, cuts a long one and drops control characters", () => {
    expect(deviceFromUserAgent("v1", undefined, 5)).toBeNull();
    expect(deviceFromUserAgent("v1", "  ", 5)).toBeNull();
    const d = deviceFromUserAgent("v1", `evil\u0000${"x".repeat(2000)}`, 5);
    expect(d?.userAgent.length).toBe(512);
    expect(d?.userAgent).not.toContain("\u0000");
    expect(d?.browser).toBeNull();
  });
});
