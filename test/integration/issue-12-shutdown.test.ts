import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { startTestBaton } from "../e2e/harness.js";

/**
 * Issue 12 (seen 10): the widget's restart test timed out at 60 s with no step failing. The step
 * with no time limit of its own was the server's shutdown: `close()` waited for every connection,
 * and a client stalled in the middle of a request holds a Node server's close until Node's
 * headersTimeout (60 s). A restart (a deploy, a crash-restart in the tests) must not hang on a
 * straggler: close() lets connections finish for a grace period, then cuts them.
 */
describe("shutting down with a stalled client", () => {
  it("closes although a client sent half a request and went quiet", { timeout: 30_000 }, async () => {
    const baton = await startTestBaton({ shutdownGraceMs: 200 });
    const { port, hostname } = new URL(baton.url);
    const stalled: Socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => stalled.once("connect", () => resolve()));
    stalled.write("GET /healthz HTTP/1.1\r\nHost: baton\r\n"); // no blank line: the request never ends
    const cut = new Promise<void>((resolve) => stalled.once("close", () => resolve()));
    // Without the grace period this waits for Node's 60 s headersTimeout, past the test's limit.
    await baton.close();
    await cut;
    expect(stalled.destroyed).toBe(true);
  });
});
