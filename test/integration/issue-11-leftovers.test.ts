import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { resolveIdleBotChats, runDue } from "../../src/app/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { agent, type VisitorClient, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Status = { state: string; async: { mode: string; promisedBy: number } | null };
type Said = { author: string; text: string };
type SeamReport = {
  sla: { ruleId: string; total: number; met: number; breached: number; pending: number }[];
  asyncPromises: { total: number; met: number; breached: number; pending: number; withoutMessage: number };
  csat: { segments: { segment: string; count: number; mean: number | null }[] };
  unansweredReassignments: { ruleId: string; handoffs: number; reassigned: number; times: number }[];
};

describe("issue 11, the leftovers", () => {
  let baton: Baton | undefined;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };
  let dir: string | undefined;
  /** Starts Baton on a fake clock; `yaml` rewrites the shipped config first. */
  const start = async (yaml?: (text: string) => string): Promise<{ baton: Baton; clock: FakeClock }> => {
    const clock = new FakeClock(TUESDAY_10_PARIS);
    let configPath: string | undefined;
    if (yaml !== undefined) {
      dir = mkdtempSync(join(tmpdir(), "baton-issue-11-leftovers-"));
      configPath = join(dir, "baton.yaml");
      writeFileSync(configPath, yaml(readFileSync("config/baton.yaml", "utf8")));
    }
    baton = await startTestBaton({ clock, ...(configPath === undefined ? {} : { configPath }) });
    return { baton, clock };
  };
  const seam = async (b: Baton): Promise<SeamReport> => {
    const admin = track(await agent(b.url, "admin@demo.baton", "admin", "offline"));
    const res = await fetch(`${b.url}/api/metrics/seam`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as SeamReport;
  };

  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await baton?.close();
    baton = undefined;
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("a chat sent straight to leave-a-message (nobody online) whose visitor never left one is no live SLA breach", async () => {
    const { baton: b, clock } = await start();
    const quiet: VisitorClient = track(await visitor(b.url));
    await quiet.say("I want to talk to a human about my invoice");
    await quiet.waitFor<Status>("status", (p) => p.state === "async" && p.async?.mode === "forced");
    const wrote = track(await visitor(b.url));
    await wrote.say("Please get me a human about my invoice");
    await wrote.waitFor<Status>("status", (p) => p.state === "async");
    expect((await wrote.call("async:leave", { email: "ada@example.com", text: "Please refund INV-2041" })).ok).toBe(true);
    // Ten minutes on: far past billing's 60 s live SLA, before the 30-minute reply promise.
    clock.advance(10 * 60_000);
    const report = await seam(b);
    const billing = report.sla.find((s) => s.ruleId === "billing");
    expect(billing).toMatchObject({ total: 0, breached: 0 });
    expect(report.asyncPromises).toEqual({ total: 1, met: 0, breached: 0, pending: 1, attainment: null, withoutMessage: 1 });
  }, 60_000);

  it("the bot resolves a chat whose visitor goes quiet after its answer, asks the same CSAT, and the seam report files it as bot-only", async () => {
    const { baton: b, clock } = await start((t) => t.replace("resolveWhenIdleSeconds: 0", "resolveWhenIdleSeconds: 120"));
    const v = track(await visitor(b.url));
    await v.say("Where is my order A-12345?");
    await v.waitFor("message", (m: Said) => m.author === "bot");
    clock.advance(119_000);
    expect(await b.engine.command(() => resolveIdleBotChats(b.engine))).toBe(0);
    expect((await b.store.conversations.getConversation(v.conversationId))?.state).toBe("bot");
    // One second later the scheduler's next beat resolves it, as "That answered my question" would.
    clock.advance(1_000);
    await v.waitFor("csat:request");
    await v.waitFor("message", (m: Said) => m.author === "system" && m.text === "This chat has been resolved. How did we do?");
    await v.waitFor<Status>("status", (p) => p.state === "resolved");
    expect(await v.call("csat:submit", { score: 4 })).toMatchObject({ ok: true, data: { segment: "bot_only", score: 4 } });
    const report = await seam(b);
    expect(report.csat.segments.find((s) => s.segment === "bot_only")).toMatchObject({ count: 1, mean: 4 });
  }, 60_000);

  it("a visitor who writes again after the bot's answer restarts the idle time from the bot's next answer", async () => {
    const { baton: b, clock } = await start((t) => t.replace("resolveWhenIdleSeconds: 0", "resolveWhenIdleSeconds: 120"));
    const v = track(await visitor(b.url));
    await v.say("Where is my order A-12345?");
    await v.waitFor("message", (m: Said) => m.author === "bot");
    clock.advance(100_000);
    await v.say("how long does shipping take");
    const botSaid = () => v.events.filter((e) => e.event === "message" && (e.payload as Said).author === "bot").length;
    await v.waitFor("message", (m: Said) => m.author === "bot" && botSaid() === 2);
    clock.advance(30_000);
    expect(await b.engine.command(() => resolveIdleBotChats(b.engine))).toBe(0);
    expect((await b.store.conversations.getConversation(v.conversationId))?.state).toBe("bot");
    clock.advance(90_000);
    await v.waitFor("csat:request");
  }, 60_000);

  it("a chat María did not answer in 90 s and that went to Tom is counted per rule in the seam report", async () => {
    const { baton: b, clock } = await start();
    const maria = track(await agent(b.url, "maria@demo.baton"));
    const v = track(await visitor(b.url));
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === v.conversationId);
    const tom = track(await agent(b.url, "tom@demo.baton"));
    clock.advance(60_000);
    await b.engine.command(() => runDue(b.engine));
    clock.advance(30_000);
    await b.engine.command(() => runDue(b.engine));
    await tom.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === v.conversationId);
    const report = await seam(b);
    expect(report.unansweredReassignments.find((r) => r.ruleId === "billing")).toEqual({ ruleId: "billing", handoffs: 1, reassigned: 1, times: 1 });
    expect(report.unansweredReassignments.filter((r) => r.ruleId !== "billing").every((r) => r.reassigned === 0)).toBe(true);
  }, 60_000);
});
