import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { type Baton, startBaton } from "../../src/server/baton.js";
import { silentLogger } from "../e2e/harness.js";
import { agent, type VisitorClient, visitor } from "./clients.js";
import { freshPgDatabase, IN_CI, pgProblem } from "./pg-database.js";

/**
 * Issue 12, seen 7: NUL bytes in text gave 500s on PostgreSQL. NUL and the other control
 * characters (tab and line breaks aside) are refused at the gateway with a clear error, on every
 * frame and body, and nothing is half-written. Runs on SQLite and on a fresh PostgreSQL database.
 */

const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
const problem = await pgProblem();
if (problem !== null && IN_CI) throw new Error(`PostgreSQL is needed in CI: ${problem}`);
if (problem !== null) console.warn(`[issue-12-control-chars] PostgreSQL part SKIPPED: ${problem}`);
const dialects = problem === null ? (["sqlite", "postgres"] as const) : (["sqlite"] as const);

describe.each(dialects)("issue 12: control characters are refused at the edge (%s)", (dialect) => {
  let baton: Baton;
  let dispose: () => Promise<void>;
  const errors: unknown[] = [];

  beforeAll(async () => {
    let storageUrl: string;
    if (dialect === "postgres") {
      const db = await freshPgDatabase("nul");
      storageUrl = db.url;
      dispose = db.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "baton-nul-"));
      storageUrl = `sqlite:${join(dir, "baton.db")}`;
      dispose = async () => rmSync(dir, { recursive: true, force: true });
    }
    baton = await startBaton({
      clock: new FakeClock(TUESDAY_10_PARIS),
      port: 0,
      host: "127.0.0.1",
      storageUrl,
      webRoot: null,
      nlu: { eldSize: "extrasmall" },
      logger: { ...silentLogger, error: (obj: object) => errors.push(obj) },
      env: {},
    });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
    await dispose?.();
  });

  const refused = (ack: { ok: boolean; error?: { code: string; message: string } }) => {
    expect(ack.ok).toBe(false);
    expect(ack.error?.code).toBe("invalid_input");
    expect(ack.error?.message).toMatch(/control characters/);
  };

  it("refuses NUL and other control characters in every visitor frame, storing nothing", async () => {
    const v: VisitorClient = await visitor(baton.url);
    try {
      refused(await v.say("hello\u0000world", "nul-1"));
      refused(await v.say("bell\u0007", "nul-2"));
      refused(await v.call("message:send", { clientMessageId: "k\u0000", text: "fine" }));
      refused(await v.call("message:send", { clientMessageId: "k3", text: "fine", page: { url: "https://x", title: "a\u001bb" } }));
      refused(await v.call("async:leave", { name: "Ada\u0000", email: "ada@example.com", text: "call me" }));
      refused(await v.call("csat:submit", { score: 4, comment: "ok\u0000" }));
      expect(await baton.store.conversations.listMessages(v.conversationId)).toEqual([]);
      expect(await baton.store.conversations.listInbox({ conversationId: v.conversationId })).toEqual([]);
      // Tabs and line breaks are text.
      const ok = await v.say("line one\nline two\twith a tab\r\n", "fine-1");
      expect(ok.ok).toBe(true);
      expect((await baton.store.conversations.listMessages(v.conversationId)).map((m) => m.clientMessageId)).toContain("fine-1");
    } finally {
      v.close();
    }
  });

  it("refuses them in agent frames and HTTP bodies with a 400, never a 500", async () => {
    const maria = await agent(baton.url, "maria@demo.baton", "demo", "offline");
    try {
      refused(await maria.call("conversation:open", { conversationId: "c\u0000" }));
      refused(await maria.call("message:send", { conversationId: "c", clientMessageId: "x", text: "\u0000" }));
      const session = await fetch(`${baton.url}/api/visitor/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ page: { url: "https://x", title: "t\u0000" } }),
      });
      expect(session.status).toBe(400);
      expect(await session.json()).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/page\.title: control characters/) });
      const context = await fetch(`${baton.url}/api/conversations/${encodeURIComponent("c\u0000")}/context`, { headers: { authorization: `Bearer ${maria.token}` } });
      expect(context.status).toBe(400);
      expect(errors).toEqual([]);
    } finally {
      maria.close();
    }
  });
});
