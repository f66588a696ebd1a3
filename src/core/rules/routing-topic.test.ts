import { describe, expect, it } from "vitest";
import { routingTopic } from "./routing-topic.js";

const turn = (topic: Parameters<typeof routingTopic>[0][number]["topic"], alternatives: { intent: string; confidence: number }[] = []) => ({
  topic,
  alternatives,
});

describe("routingTopic", () => {
  it("takes the newest departmental topic", () => {
    expect(routingTopic([turn("orders"), turn("billing")])).toBe("billing");
  });
  it("reads a human request's strongest departmental alternative", () => {
    expect(routingTopic([turn("human", [{ intent: "greeting.hello", confidence: 0.6 }, { intent: "billing.invoice", confidence: 0.5 }])])).toBe("billing");
  });
  it("ignores weak alternatives and falls back to earlier turns", () => {
    expect(routingTopic([turn("technical"), turn("human", [{ intent: "billing.invoice", confidence: 0.1 }])])).toBe("technical");
  });
  it("keeps the newest topic when nothing departmental was said", () => {
    expect(routingTopic([turn("greeting"), turn("human")])).toBe("human");
    expect(routingTopic([])).toBe("none");
  });
});
