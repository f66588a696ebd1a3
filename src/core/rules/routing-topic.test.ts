import { describe, expect, it } from "vitest";
import { readRoutingTopic, routingTopic } from "./routing-topic.js";

const turn = (topic: Parameters<typeof routingTopic>[0][number]["topic"], alternatives: { intent: string; confidence: number }[] = []) => ({
  topic,
  alternatives,
});

describe("routingTopic", () => {
  it("takes the newest departmental topic", () => {
    expect(routingTopic([turn("orders"), turn("billing")])).toBe("billing");
  });
  it("reads a human request's strongest departmental alternative when nothing departmental was said", () => {
    expect(routingTopic([turn("human", [{ intent: "greeting.hello", confidence: 0.6 }, { intent: "billing.invoice", confidence: 0.5 }])])).toBe("billing");
  });
  it("ignores weak alternatives and falls back to earlier turns", () => {
    expect(routingTopic([turn("technical"), turn("human", [{ intent: "billing.invoice", confidence: 0.1 }])])).toBe("technical");
  });
  it("a human request's alternative never replaces a clear earlier topic (issue 10)", () => {
    expect(routingTopic([turn("technical"), turn("human", [{ intent: "cancellation.cancel", confidence: 0.298 }])])).toBe("technical");
    expect(routingTopic([turn("billing"), turn("human", [{ intent: "orders.change", confidence: 0.278 }])])).toBe("billing");
    expect(routingTopic([turn("billing"), turn("greeting"), turn("greeting", [{ intent: "orders.status", confidence: 0.9 }])])).toBe("billing");
  });
  it("an earlier turn's alternative decides when no turn named a department", () => {
    const r = readRoutingTopic([{ ...turn("greeting", [{ intent: "billing.invoice", confidence: 0.53 }]), text: "Hallo, Rechnung" }, turn("human")]);
    expect(r).toMatchObject({ topic: "billing", source: "alternative", turn: 0 });
    expect(r.reason).toContain("nothing clearer was said");
  });
  it("a bare identifier given on its own (an order number, as asked) names no department, whatever the classifier read", () => {
    const said = (topic: Parameters<typeof routingTopic>[0][number]["topic"], text: string) => ({ ...turn(topic), text });
    for (const id of ["A-77881", "12345", " INV-2041. ", "#4471"]) {
      expect(readRoutingTopic([said("orders", "where is my order"), said("billing", id), said("human", "Quiero hablar con una persona")])).toMatchObject({ topic: "orders", turn: 0 });
    }
    expect(routingTopic([said("billing", "INV-2041 is wrong"), said("human", "a person please")])).toBe("billing");
    expect(routingTopic([said("billing", "invoice"), said("orders", "A-12345")])).toBe("billing");
    expect(readRoutingTopic([said("billing", "12345")])).toMatchObject({ source: "unknown" });
  });
  it("keeps the newest topic when nothing departmental was said, and says the topic is unknown", () => {
    expect(routingTopic([turn("greeting"), turn("human")])).toBe("human");
    expect(routingTopic([])).toBe("none");
    expect(readRoutingTopic([turn("human")])).toMatchObject({ source: "unknown", reason: expect.stringContaining("general rule") });
  });
});
