import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { agent, type VisitorClient, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Status = { state: string; async: { mode: string; promisedBy: number } | null };
type SeamReport = {
  sla: { ruleId: string; total: number; met: number; breached: number; pending: number }[];
  asyncPromises: { total: number; met: number; breached: number; pending: number; withoutMessage: number };
};

describe("issue 11, the leftovers", () => {
  let baton: Baton | undefined;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };
  const start = async (): Promise<{ baton: Baton; clock: FakeClock }> => {
    const clock = new FakeClock(TUESDAY_10_PARIS);
    baton = await startTestBaton({ clock });
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
});
