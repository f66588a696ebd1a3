import { describe, expect, it } from "vitest";
import { handoffAt } from "./handoff.fixture.js";
import { asyncPromiseAttainment, splitAsync } from "./async-promises.js";
import { computeSeamReport } from "./seam-report.js";

const T0 = 1_800_000_000_000;

describe("async handoffs are judged against their promise, not a live SLA", () => {
  it("a VIP chat sent to the inbox and answered by the promised time counts as a kept promise, not a 30 s SLA breach", () => {
    const vip = handoffAt(T0 / 1000, { id: "h1", conversationId: "c1", ruleId: "vip", slaDeadline: T0 + 30_000, firstHumanAt: T0 + 3_600_000 });
    const live = handoffAt(T0 / 1000, { id: "h2", conversationId: "c2", ruleId: "vip", slaDeadline: T0 + 30_000, firstHumanAt: T0 + 10_000 });
    const late = handoffAt(T0 / 1000, { id: "h3", conversationId: "c3", ruleId: "billing", slaDeadline: T0 + 60_000, firstHumanAt: null });
    const promises = [
      { conversationId: "c1", promisedBy: T0 + 4 * 3_600_000, createdAt: T0 + 1000 },
      { conversationId: "c3", promisedBy: T0 + 3_600_000, createdAt: T0 + 1000 },
    ];
    const split = splitAsync([vip, live, late], promises);
    expect(split.live.map((h) => h.id)).toEqual(["h2"]);
    expect(asyncPromiseAttainment(split.async, T0 + 2 * 3_600_000)).toEqual({ total: 2, met: 1, breached: 1, pending: 0, attainment: 0.5, withoutMessage: 0 });
    const report = computeSeamReport({
      handoffs: [vip, live, late],
      csat: [],
      repeatFlags: [],
      asyncPromises: promises,
      rules: [{ id: "vip", name: "VIP" }],
      from: T0,
      to: T0 + 86_400_000,
      now: T0 + 2 * 3_600_000,
    });
    expect(report.sla.find((s) => s.ruleId === "vip")).toMatchObject({ total: 1, met: 1, breached: 0, attainment: 1 });
    expect(report.asyncPromises).toMatchObject({ total: 2, met: 1, breached: 1 });
  });

  it("a chat sent straight to leave-a-message whose visitor never left one is no live SLA breach", () => {
    // After hours: the VIP rule's 30 s SLA long past, no human message, no inbox item.
    const forced = handoffAt(T0 / 1000, { id: "h1", conversationId: "c1", ruleId: "vip", slaDeadline: T0 + 30_000, asyncPromisedBy: T0 + 12 * 3_600_000 });
    const live = handoffAt(T0 / 1000, { id: "h2", conversationId: "c2", ruleId: "vip", slaDeadline: T0 + 30_000, firstHumanAt: null });
    const answered = handoffAt(T0 / 1000, { id: "h3", conversationId: "c3", ruleId: "vip", slaDeadline: T0 + 30_000, asyncPromisedBy: T0 + 3_600_000, firstHumanAt: T0 + 7_200_000 });
    const promises = [{ conversationId: "c3", promisedBy: T0 + 3_600_000, createdAt: T0 + 1000 }];
    const split = splitAsync([forced, live, answered], promises);
    expect(split.live.map((h) => h.id)).toEqual(["h2"]);
    expect(split.withoutMessage.map((h) => h.id)).toEqual(["h1"]);
    const report = computeSeamReport({
      handoffs: [forced, live, answered],
      csat: [],
      repeatFlags: [],
      asyncPromises: promises,
      rules: [{ id: "vip", name: "VIP" }],
      from: T0,
      to: T0 + 86_400_000,
      now: T0 + 24 * 3_600_000,
    });
    expect(report.sla.find((s) => s.ruleId === "vip")).toMatchObject({ total: 1, met: 0, breached: 1 });
    expect(report.asyncPromises).toEqual({ total: 1, met: 0, breached: 1, pending: 0, attainment: 0, withoutMessage: 1 });
  });
});
