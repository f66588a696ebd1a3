import { describe, expect, it } from "vitest";
import { nlu } from "../triggers/test-fixtures.js";
import { isRestatement } from "./is-restatement.js";

describe("isRestatement", () => {
  const earlier = ["Hi, my parcel never arrived and I was charged twice", "order A-12345"];
  it("a near-copy of an earlier message is a restatement", () => {
    const r = isRestatement("My parcel never arrived, and I was charged TWICE!", earlier, []);
    expect(r).toEqual({ restated: true, similarity: 1 });
  });
  it("typing a known value again is a restatement, whatever the formatting", () => {
    expect(isRestatement("it's a12345", earlier, [{ name: "order_number", value: "A-12345" }])).toMatchObject({
      restated: true,
      resuppliedField: "order_number",
    });
    expect(isRestatement("call me on +34 600 111 222", [], [{ name: "phone", value: "+34600111222" }]).resuppliedField).toBe("phone");
    expect(isRestatement("I'm Ana, as I said", [], [{ name: "name", value: "Ana" }]).resuppliedField).toBe("name");
  });
  it("a new message is not, and a name inside another word does not count", () => {
    const other = isRestatement("Can I change the delivery address instead?", earlier, [{ name: "name", value: "Ana" }]);
    expect(other.restated).toBe(false);
    expect(other.similarity).toBeLessThan(0.2);
    expect(isRestatement("I like bananas very much", [], [{ name: "name", value: "Ana" }]).restated).toBe(false);
    expect(isRestatement("yes", ["yes"], []).restated).toBe(false);
    expect(isRestatement("my code 12", [], [{ name: "party_size", value: "12" }]).restated).toBe(false);
  });
  it("honours the threshold", () => {
    const r = isRestatement("parcel never arrived", ["parcel never arrived, charged twice"], []);
    expect(r.similarity).toBeGreaterThan(0.5);
    expect(r.similarity).toBeLessThan(0.8);
    expect(r.restated).toBe(false);
    expect(isRestatement("parcel never arrived", ["parcel never arrived, charged twice"], [], 0.5).restated).toBe(true);
  });
  it("with NLU readings, the same question read by the question model is a restatement without a word in common", () => {
    const q = (id: string, confidence = 0.9) => nlu({ question: { id, confidence } });
    const text = "please remove everything of mine";
    const before = ["How do I close my account?"];
    expect(isRestatement(text, before, []).restated).toBe(false);
    expect(isRestatement(text, before, [], undefined, { message: q("delete_account"), earlier: [q("delete_account")] }).restated).toBe(true);
    expect(isRestatement(text, before, [], undefined, { message: q("delete_account"), earlier: [q("create_account")] }).restated).toBe(false);
    expect(isRestatement(text, before, [], undefined, { message: q("delete_account", 0.3), earlier: [q("delete_account")] }).restated).toBe(false);
    expect(isRestatement(text, before, [], undefined, { message: q("delete_account"), earlier: [null] }).restated).toBe(false);
  });
});
