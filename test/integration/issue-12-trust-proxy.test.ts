import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrustProxy } from "../../src/server/client-address.js";
import { loadConfig } from "../../src/server/config.js";
import { startTestBaton } from "../e2e/harness.js";

/**
 * Issue 12: behind a load balancer every client has the proxy's address, so the per-address limits
 * would limit everyone at once. `server.trustProxy` names the proxies allowed to say who the client
 * is (X-Forwarded-For), for HTTP routes and the socket handshake alike; by default no one is, and a
 * client that writes its own X-Forwarded-For changes nothing.
 * Each Baton here allows 2 new sessions and 2 socket connections per address.
 */

type Baton = Awaited<ReturnType<typeof startTestBaton>>;

async function start(trustProxy: TrustProxy): Promise<Baton> {
  const { limits } = await loadConfig("config/baton.yaml", {});
  const few = { perSecond: 0.001, burst: 2 };
  return startTestBaton({ trustProxy, limits: { ...limits, sessions: few, connections: few } });
}

function newSession(url: string, forwardedFor: string): Promise<Response> {
  return fetch(`${url}/api/visitor/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ locale: "en-US" }),
  });
}

/** Opens a widget socket claiming `forwardedFor`; resolves "connected" or the refusal. */
function openSocket(url: string, token: string, forwardedFor: string): Promise<string> {
  const socket = io(`${url}/visitor`, { auth: { token }, transports: ["websocket"], reconnection: false, extraHeaders: { "x-forwarded-for": forwardedFor } });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (err) => {
      socket.close();
      resolve(`refused: ${err.message}`);
    });
  });
}

describe("issue 12: server.trustProxy", () => {
  let untrusted: Baton;
  let behindProxy: Baton;

  beforeAll(async () => {
    untrusted = await start(false);
    // The test's client is the "load balancer" on loopback, passing on the real client's address.
    behindProxy = await start(["loopback"]);
  }, 60_000);
  afterAll(async () => {
    await untrusted?.close();
    await behindProxy?.close();
  });

  it("by default a spoofed X-Forwarded-For is ignored: every request counts against the TCP peer", async () => {
    const codes = [];
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) codes.push((await newSession(untrusted.url, ip)).status);
    expect(codes).toEqual([200, 200, 429]);

    expect((await newSession(untrusted.url, "203.0.113.9")).status).toBe(429); // still the same address
  });

  it("by default the socket handshake ignores it too", async () => {
    // One session, opened before any socket (sessions and connections are separate buckets).
    const fresh = await start(false);
    try {
      const { token } = (await (await newSession(fresh.url, "198.51.100.1")).json()) as { token: string };
      const results = [];
      for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) results.push(await openSocket(fresh.url, token, ip));
      expect(results.slice(0, 2)).toEqual(["connected", "connected"]);
      expect(results[2]).toMatch(/^refused/);
    } finally {
      await fresh.close();
    }
  });

  it("behind a trusted proxy each client's own address is limited, over HTTP and on the socket", async () => {
    const codes = [];
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.1", "203.0.113.1"]) codes.push((await newSession(behindProxy.url, ip)).status);
    expect(codes).toEqual([200, 200, 200, 200, 429]);

    const { token } = (await (await newSession(behindProxy.url, "198.51.100.7")).json()) as { token: string };
    const results = [];
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.1", "203.0.113.1"]) results.push(await openSocket(behindProxy.url, token, ip));
    expect(results.slice(0, 4)).toEqual(["connected", "connected", "connected", "connected"]);
    expect(results[4]).toMatch(/^refused/);
  });
});
