/**
 * The wait a queued visitor is told rests on the team's recent handle times. Those lived only in
 * the router's memory: after a restart (or a new router leader in a cluster) every estimate fell
 * back to the configured default, however slow or fast the team had been. Now the router reads
 * them back from the store when it rebuilds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { estimateWait } from "../../src/core/wait/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { agent, visitor } from "./clients.js";

// Tuesday 24 November 2026, 10:00 in Paris: billing is open.
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
const HUMAN = "I need a person about a refund on my invoice";

type Status = { state: string; wait: { position: number; seconds: number } | null };

describe("wait estimates after a restart", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-wait-restart-"));
  const storageUrl = `sqlite:${join(dir, "baton.db")}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("go on from the handle times the team had before the restart, not from the default", async () => {
    const clock = new FakeClock(TUESDAY_10_PARIS);
    const first = await startTestBaton({ clock, storageUrl });
    try {
      const maria = await agent(first.url, "maria@demo.baton");
      expect((await maria.call("cap:set", { cap: 1 })).ok).toBe(true);
      // Two chats, each handled for 15 minutes.
      for (let i = 0; i < 2; i++) {
        const v = await visitor(first.url);
        expect((await v.say(HUMAN)).ok).toBe(true);
        await v.waitFor<Status>("status", (s) => s.state === "assigned");
        clock.advance(15 * 60_000);
        expect((await maria.call("resolve", { conversationId: v.conversationId })).ok).toBe(true);
        v.close();
      }
      expect(first.engine.recentHandleSeconds()).toEqual([900, 900]);
      maria.close();
    } finally {
      await first.close();
    }

    const second = await startTestBaton({ clock, storageUrl });
    try {
      expect(second.engine.recentHandleSeconds()).toEqual([900, 900]);
      const maria = await agent(second.url, "maria@demo.baton");
      const busy = await visitor(second.url);
      expect((await busy.say(HUMAN)).ok).toBe(true);
      await busy.waitFor<Status>("status", (s) => s.state === "assigned");
      const waiting = await visitor(second.url);
      expect((await waiting.say(HUMAN)).ok).toBe(true);
      const queued = await waiting.waitFor<Status>("status", (s) => s.state === "queued" && s.wait !== null);
      const cfg = second.engine.config.wait;
      const fromHistory = estimateWait({ position: 1, eligibleAgents: [{ cap: 1, active: 1 }], recentHandleSeconds: [900, 900] }, cfg);
      const fromDefault = estimateWait({ position: 1, eligibleAgents: [{ cap: 1, active: 1 }], recentHandleSeconds: [] }, cfg);
      expect(fromHistory?.seconds).toBeGreaterThan(fromDefault?.seconds ?? Number.POSITIVE_INFINITY);
      expect(queued.wait?.position).toBe(1);
      expect(queued.wait?.seconds).toBe(fromHistory?.seconds);
      for (const c of [maria, busy, waiting]) c.close();
    } finally {
      await second.close();
    }
  });
});
