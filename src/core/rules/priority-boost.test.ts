import { describe, expect, it } from "vitest";
import type { Trigger } from "../model.js";
import { priorityBoost } from "./priority-boost.js";

const cfg = { negativeSentimentBoost: 20, vipBoost: 15, negativeSentimentScore: -0.5 };
const trigger = (kind: Trigger["kind"], scores: Record<string, number> = {}): Trigger => ({ kind, at: 0, reason: kind, evidence: { messageIds: [], scores } });

describe("priorityBoost follows the signals, not the trigger kind", () => {
  it("negative sentiment adds its boost when a keyword or a human request fired first (issue 10)", () => {
    expect(priorityBoost({ trigger: trigger("keyword"), sentiment: -0.72, tier: "standard" }, cfg).boost).toBe(20);
    expect(priorityBoost({ trigger: trigger("explicit_request"), sentiment: -0.82, tier: "standard" }, cfg).boost).toBe(20);
    expect(priorityBoost({ trigger: trigger("negative_sentiment", { sentiment: -0.9 }), sentiment: null, tier: "standard" }, cfg).boost).toBe(20);
  });
  it("no boost for neutral sentiment; the VIP boost adds on top", () => {
    expect(priorityBoost({ trigger: trigger("keyword"), sentiment: -0.4, tier: "standard" }, cfg)).toEqual({ boost: 0, reasons: [] });
    expect(priorityBoost({ trigger: trigger("high_value"), sentiment: 0, tier: "vip" }, cfg)).toEqual({ boost: 15, reasons: ["vip customer: +15"] });
    expect(priorityBoost({ trigger: trigger("high_value"), sentiment: -0.6, tier: "enterprise" }, cfg).boost).toBe(35);
  });
});
