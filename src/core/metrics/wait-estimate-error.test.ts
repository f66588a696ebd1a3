import { describe, expect, it } from "vitest";
import { handoffAt, s } from "./handoff.fixture.js";
import { waitBucketRange } from "./wait-bucket-range.js";
import { waitEstimateError } from "./wait-estimate-error.js";

describe("waitBucketRange", () => {
  it.each([
    ["under a minute", { lo: 0, hi: 60 }],
    ["under 2 minutes", { lo: 0, hi: 120 }],
    ["Under  30 seconds", { lo: 0, hi: 30 }],
    ["about 5 minutes", { lo: 150, hi: 450 }],
    ["over 10 minutes", { lo: 600, hi: Number.POSITIVE_INFINITY }],
  ])("%s", (label, range) => {
    expect(waitBucketRange(label)).toEqual(range);
  });

  it("returns null for labels it cannot read", () => {
    expect(waitBucketRange("soon")).toBeNull();
    expect(waitBucketRange("under minutes")).toBeNull();
  });
});

describe("waitEstimateError", () => {
  const est = (seconds: number, bucket: string) => ({ seconds, bucket });

  it("compares the estimate with assignedAt - createdAt, by bucket", () => {
    const handoffs = [
      handoffAt(0, { estimate: est(45, "under a minute"), assignedAt: s(30) }), // |30-45| = 15, within [0,60]
      handoffAt(100, { estimate: est(45, "under a minute"), assignedAt: s(190) }), // |90-45| = 45, outside
      handoffAt(200, { estimate: est(300, "about 5 minutes"), assignedAt: s(440) }), // |240-300| = 60, within [150,450]
      handoffAt(300, { estimate: est(90, "soon-ish"), assignedAt: s(420) }), // unreadable: ±50% of 90 → [45,135]; 120 within; error 30
      handoffAt(400, { estimate: est(45, "under a minute") }), // never assigned: left out
      handoffAt(500, { assignedAt: s(510) }), // no estimate: left out
    ];
    const r = waitEstimateError(handoffs);
    expect(r.count).toBe(4);
    expect(r.meanAbsErrorSeconds).toBe((15 + 45 + 60 + 30) / 4);
    expect(r.withinBucketRate).toBe(3 / 4);
    expect(r.byBucket).toEqual([
      { bucket: "under a minute", count: 2, meanActual: 60, meanEstimate: 45 },
      { bucket: "soon-ish", count: 1, meanActual: 120, meanEstimate: 90 },
      { bucket: "about 5 minutes", count: 1, meanActual: 240, meanEstimate: 300 },
    ]);
  });

  it("is empty with nothing measured, and takes a custom bucket reading", () => {
    expect(waitEstimateError([handoffAt(0)])).toEqual({ count: 0, meanAbsErrorSeconds: null, withinBucketRate: null, byBucket: [] });
    const h = handoffAt(0, { estimate: est(45, "under a minute"), assignedAt: s(30) });
    expect(waitEstimateError([h], { bucketRange: () => ({ lo: 40, hi: 50 }) }).withinBucketRate).toBe(0);
  });
});
