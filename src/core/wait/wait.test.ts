import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../model.js";
import { bucketFor, decideExpectation, estimateWait, meanHandleSeconds, type WaitConfig } from "./index.js";

const cfg: WaitConfig = { bucketsSeconds: [60, 120], asyncOfferAboveSeconds: 300, defaultHandleSeconds: 240 };
const calendar: BusinessCalendar = {
  timeZone: "Europe/Paris",
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" })),
  holidays: [],
};
const paris = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Paris" }).toMillis();

describe("bucketFor", () => {
  it("puts estimates under the first bound above them", () => {
    expect(bucketFor(0, cfg)).toBe("under 1 minute");
    expect(bucketFor(59, cfg)).toBe("under 1 minute");
    expect(bucketFor(60, cfg)).toBe("under 2 minutes");
    expect(bucketFor(119, cfg)).toBe("under 2 minutes");
  });

  it("says about N minutes past the last bound, never below it", () => {
    expect(bucketFor(120, cfg)).toBe("about 2 minutes");
    expect(bucketFor(300, cfg)).toBe("about 5 minutes");
    expect(bucketFor(400, cfg)).toBe("about 7 minutes");
  });

  it("reads bounds that are not whole minutes in seconds, and copes with no bounds", () => {
    expect(bucketFor(80, { bucketsSeconds: [90] })).toBe("under 90 seconds");
    expect(bucketFor(10, { bucketsSeconds: [] })).toBe("about 1 minute");
  });

  it("sorts unsorted bounds", () => {
    expect(bucketFor(30, { bucketsSeconds: [120, 60] })).toBe("under 1 minute");
  });
});

describe("estimateWait", () => {
  it("is zero while the chat fits in free slots", () => {
    const est = estimateWait({ position: 2, eligibleAgents: [{ cap: 3, active: 1 }], recentHandleSeconds: [600] }, cfg);
    expect(est).toEqual({ seconds: 0, bucket: "under 1 minute" });
  });

  it("is position past the free slots over the slots, times the mean handle time", () => {
    const est = estimateWait(
      { position: 3, eligibleAgents: [{ cap: 2, active: 2 }, { cap: 2, active: 1 }], recentHandleSeconds: [200, 400] },
      cfg,
    );
    // 1 free slot, 2 chats ahead of it, 4 slots, mean 300 s → 2 * 300 / 4 = 150 s.
    expect(est).toEqual({ seconds: 150, bucket: "about 3 minutes" });
  });

  it("falls back to the default handle time", () => {
    const est = estimateWait({ position: 1, eligibleAgents: [{ cap: 1, active: 1 }], recentHandleSeconds: [] }, cfg);
    expect(est?.seconds).toBe(240);
  });

  it("is null when nobody eligible has capacity", () => {
    expect(estimateWait({ position: 1, eligibleAgents: [], recentHandleSeconds: [] }, cfg)).toBeNull();
    expect(estimateWait({ position: 1, eligibleAgents: [{ cap: 0, active: 0 }], recentHandleSeconds: [] }, cfg)).toBeNull();
  });

  it("ignores unusable handle times", () => {
    expect(meanHandleSeconds([Number.NaN, -5, 0, 100, 300], 240)).toBe(200);
  });

  const agents = fc.array(
    fc.integer({ min: 1, max: 5 }).chain((cap) => fc.record({ cap: fc.constant(cap), active: fc.integer({ min: 0, max: cap }) })),
    { minLength: 1, maxLength: 8 },
  );
  const handles = fc.array(fc.integer({ min: 1, max: 3600 }), { maxLength: 10 });

  it("property: never negative, and a later position never waits less", () => {
    fc.assert(
      fc.property(agents, handles, fc.integer({ min: 1, max: 50 }), (eligibleAgents, recentHandleSeconds, position) => {
        const a = estimateWait({ position, eligibleAgents, recentHandleSeconds }, cfg);
        const b = estimateWait({ position: position + 1, eligibleAgents, recentHandleSeconds }, cfg);
        expect(a?.seconds).toBeGreaterThanOrEqual(0);
        expect(b!.seconds).toBeGreaterThanOrEqual(a!.seconds);
      }),
    );
  });

  it("property: one more eligible agent never makes the wait longer", () => {
    fc.assert(
      fc.property(agents, handles, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 5 }), (eligibleAgents, recent, position, cap) => {
        const a = estimateWait({ position, eligibleAgents, recentHandleSeconds: recent }, cfg);
        const b = estimateWait({ position, eligibleAgents: [...eligibleAgents, { cap, active: cap }], recentHandleSeconds: recent }, cfg);
        expect(b!.seconds).toBeLessThanOrEqual(a!.seconds);
      }),
    );
  });
});

describe("decideExpectation", () => {
  const wednesday = paris("2026-03-04T10:00");
  const base = { eligibleOnline: 2, anyTeamOpen: true, estimateSeconds: 45, calendar, now: wednesday, visitorTimeZone: null };

  it("waits with a bucket when the estimate is short", () => {
    expect(decideExpectation(base, cfg)).toEqual({ kind: "wait", seconds: 45, bucket: "under 1 minute" });
  });

  it("waits at exactly the offer limit", () => {
    expect(decideExpectation({ ...base, estimateSeconds: 300 }, cfg).kind).toBe("wait");
  });

  it("forces async after hours, promising the next opening in the visitor's zone", () => {
    const friday = paris("2026-03-06T19:30");
    const got = decideExpectation({ ...base, anyTeamOpen: false, now: friday, visitorTimeZone: "America/New_York" }, cfg);
    expect(got).toEqual({
      kind: "async",
      mode: "forced",
      reason: "after_hours",
      promisedBy: paris("2026-03-09T09:00"),
      // 5 h apart, not 6: New York moved to summer time on 8 March, Paris only on the 29th.
      promisedByText: "Monday 4:00 AM (New York)",
    });
  });

  it("after hours wins even when an agent is online", () => {
    const got = decideExpectation({ ...base, anyTeamOpen: false, now: paris("2026-03-04T20:00") }, cfg);
    expect(got.kind === "async" && got.reason).toBe("after_hours");
  });

  it("forces async when no eligible agent is online, promising a stated time in the team's reply window while open", () => {
    const got = decideExpectation({ ...base, eligibleOnline: 0, estimateSeconds: null, replyWithinMinutes: 30 }, cfg);
    expect(got).toMatchObject({ kind: "async", mode: "forced", reason: "no_agent", promisedBy: paris("2026-03-04T10:30"), promisedByText: "Wednesday 10:30 AM (Paris)" });
  });

  it("forces async when agents are online but none has capacity", () => {
    expect(decideExpectation({ ...base, estimateSeconds: null }, cfg)).toMatchObject({ kind: "async", reason: "no_agent" });
  });

  it("offers async on a long wait, with the estimate and the promise", () => {
    const got = decideExpectation({ ...base, estimateSeconds: 600, locale: "fr-FR", visitorTimeZone: "Europe/Paris" }, cfg);
    expect(got).toEqual({
      kind: "offer_async",
      reason: "long_wait",
      seconds: 600,
      bucket: "about 10 minutes",
      promisedBy: paris("2026-03-04T11:00"),
      promisedByText: "mercredi 11:00 (Paris)",
    });
  });
});
