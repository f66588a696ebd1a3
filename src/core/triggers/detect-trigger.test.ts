import { describe, expect, it } from "vitest";
import { detectTrigger } from "./detect-trigger.js";
import { customer, turn } from "./test-fixtures.js";
import { DEFAULT_TRIGGER_CONFIG as cfg, type TriggerConfig } from "./trigger-config.js";

const low = { confidence: 0.3, intent: "none" };

describe("detectTrigger: order and basics", () => {
  it("returns null without turns or without any signal", () => {
    expect(detectTrigger({ turns: [], customer: null }, cfg)).toBeNull();
    expect(detectTrigger({ turns: [turn(1, "Where is my order?")], customer: null }, cfg)).toBeNull();
  });

  it("checks high_value first, even when the visitor also asks for a human", () => {
    const t = turn(1, "agent please", { explicitHumanRequest: { requested: true, evidence: "agent" } });
    const got = detectTrigger({ turns: [t], customer: customer({ tier: "vip" }) }, cfg);
    expect(got?.kind).toBe("high_value");
    expect(got?.at).toBe(1000);
    expect(got?.evidence).toEqual({ messageIds: ["m1"], scores: { lifetimeValue: 1200 } });
  });

  it("explicit request wins over keyword and sentiment", () => {
    const t = turn(1, "I want a refund, get me a human", {
      explicitHumanRequest: { requested: true, evidence: "get me a human" },
      sentiment: { score: -0.9, label: "negative" },
    });
    expect(detectTrigger({ turns: [t], customer: null }, cfg)?.kind).toBe("explicit_request");
  });

  it("keyword wins over negative sentiment", () => {
    const t = turn(1, "this is broken and awful", { sentiment: { score: -0.9, label: "negative" } });
    expect(detectTrigger({ turns: [t], customer: null }, cfg)?.kind).toBe("keyword");
  });

  it("negative sentiment wins over repeated question and confidence drop", () => {
    const turns = [turn(1, "my parcel never arrived here", low), turn(2, "my parcel never arrived here", { ...low, sentiment: { score: -0.8, label: "negative" } })];
    expect(detectTrigger({ turns, customer: null }, cfg)?.kind).toBe("negative_sentiment");
  });

  it("repeated question wins over confidence drop", () => {
    const turns = [turn(1, "my parcel never arrived here", low), turn(2, "My parcel never arrived here!!", low)];
    expect(detectTrigger({ turns, customer: null }, cfg)?.kind).toBe("repeated_question");
  });
});

describe("high_value", () => {
  it.each(["vip", "enterprise"] as const)("fires for %s", (tier) => {
    expect(detectTrigger({ turns: [turn(1, "hello")], customer: customer({ tier }) }, cfg)?.kind).toBe("high_value");
  });
  it("does not fire for standard or unknown customers", () => {
    expect(detectTrigger({ turns: [turn(1, "hello")], customer: customer() }, cfg)).toBeNull();
    expect(detectTrigger({ turns: [turn(1, "hello")], customer: null }, cfg)).toBeNull();
  });
  it("follows the configured tiers", () => {
    const only: TriggerConfig = { ...cfg, highValueTiers: ["enterprise"] };
    expect(detectTrigger({ turns: [turn(1, "hello")], customer: customer({ tier: "vip" }) }, only)).toBeNull();
  });
});

describe("explicit_request", () => {
  it("fires on the NLU's flag with its evidence in the reason", () => {
    const t = turn(1, "can I talk to a person", { explicitHumanRequest: { requested: true, evidence: "talk to a person" } });
    const got = detectTrigger({ turns: [t], customer: null }, cfg);
    expect(got).toEqual({
      kind: "explicit_request",
      at: 1000,
      reason: 'visitor asked for a human: "talk to a person"',
      evidence: { messageIds: ["m1"], scores: {} },
    });
  });
  it("negations are the NLU's job: requested false means no trigger even if the text says agent", () => {
    const t = turn(1, "I don't want an agent, just tell me the hours", { explicitHumanRequest: { requested: false, evidence: null } });
    expect(detectTrigger({ turns: [t], customer: null }, cfg)).toBeNull();
  });
});
