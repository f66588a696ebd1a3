import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { field, other, TRIGGER, visitor } from "./context.fixtures.js";
import { summarizeSentiment } from "./sentiment-summary.js";
import { SUMMARY_VISITOR_CHARS, summarize } from "./summarize.js";

const visitorPart = (s: string) => /^Visitor: "(.*)" (Known|Handoff):/.exec(s)?.[1] ?? "";

describe("summarize", () => {
  it("keeps informative visitor sentences in order, drops greetings, bot text and repeats", () => {
    const s = summarize(
      [
        visitor("m1", "Hi!", 1),
        other("b1", "bot", "How can I help you today with your order?", 2),
        visitor("m2", "My order A12345 never arrived. Thanks.", 3),
        visitor("m3", "I want a refund for the order that never arrived", 4),
        visitor("m4", "my order A12345 never arrived!!", 5),
      ],
      [field("order_number", "A12345", 3)],
      TRIGGER,
    );
    expect(s).toBe(
      'Visitor: "My order A12345 never arrived. I want a refund for the order that never arrived" Known: order_number A12345. Handoff: visitor wrote "refund".',
    );
  });
  it("ends each part with one full stop, a transfer note's own included", () => {
    const note = { ...TRIGGER, reason: "transferred by María García: VIP; needs a corrected invoice." };
    expect(summarize([], [], note, "topic billing")).toBe("Visitor: (nothing written yet). Handoff: transferred by María García: VIP; needs a corrected invoice. Routed: topic billing.");
  });
  it("says so when the visitor wrote nothing", () => {
    expect(summarize([other("b1", "bot", "Hello", 1)], [], TRIGGER)).toBe('Visitor: (nothing written yet). Handoff: visitor wrote "refund".');
  });
  it("prefers sentences with numbers when space runs out, and clips one long sentence", () => {
    const filler = "I have been trying to understand the weird pricing page for quite a while now and nothing makes sense";
    const s = summarize([visitor("m1", `${filler}. ${filler} again here. Invoice 998877 is wrong.`, 1)], [], TRIGGER);
    expect(visitorPart(s)).toContain("Invoice 998877 is wrong.");
    const long = summarize([visitor("m1", "word ".repeat(200), 1)], [], TRIGGER);
    expect(visitorPart(long).length).toBe(SUMMARY_VISITOR_CHARS);
    expect(visitorPart(long).endsWith("…")).toBe(true);
  });
  it("the visitor part never exceeds the limit", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 400 }), { maxLength: 8 }), (texts) => {
        const s = summarize(texts.map((t, i) => visitor(`m${i}`, t, i)), [], TRIGGER);
        const part = s.startsWith('Visitor: "') ? s.slice(10, s.lastIndexOf('" Handoff:')) : "";
        expect(part.length).toBeLessThanOrEqual(SUMMARY_VISITOR_CHARS);
      }),
    );
  });
});

describe("summarizeSentiment", () => {
  it("reports latest, average and trend", () => {
    expect(summarizeSentiment([])).toEqual({ latest: null, average: null, trend: "steady" });
    expect(summarizeSentiment([-0.4])).toEqual({ latest: -0.4, average: -0.4, trend: "steady" });
    expect(summarizeSentiment([0.2, 0, -0.6])).toMatchObject({ latest: -0.6, trend: "worsening" });
    expect(summarizeSentiment([-0.8, -0.2, 0.3, 0.4]).trend).toBe("improving");
    expect(summarizeSentiment([0.1, 0, 0.1, 0]).trend).toBe("steady");
    expect(summarizeSentiment([Number.NaN, 0.5]).average).toBe(0.5);
  });
});
