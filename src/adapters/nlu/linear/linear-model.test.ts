import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { featurize } from "./features.js";
import { deserializeModel, probabilities, serializeModel } from "./linear-model.js";
import { fitTemperature, trainLinear } from "./train-linear.js";

const data = [
  { text: "where is my order", label: "orders" },
  { text: "track my parcel please", label: "orders" },
  { text: "my package has not arrived", label: "orders" },
  { text: "I was charged twice", label: "billing" },
  { text: "wrong amount on my invoice", label: "billing" },
  { text: "refund the double charge", label: "billing" },
];

describe("linear model", () => {
  it("featurizes any text into a unit vector inside the space", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const x = featurize(text, 1 << 10);
        let norm = 0;
        for (let i = 0; i < x.index.length; i++) {
          expect(x.index[i]).toBeGreaterThanOrEqual(0);
          expect(x.index[i]).toBeLessThan(1 << 10);
          norm += x.value[i]! ** 2;
        }
        if (x.index.length > 0) expect(norm).toBeCloseTo(1, 4);
      }),
    );
  });
  it("trains deterministically, classifies, and survives a byte round trip", () => {
    const options = { classes: ["orders", "billing"], dim: 1 << 12, epochs: 10 };
    const a = trainLinear(data, options);
    const b = trainLinear(data, options);
    expect(serializeModel(a)).toEqual(serializeModel(b));
    const model = { ...a, temperature: fitTemperature(a, data) };
    const back = deserializeModel(serializeModel(model));
    const p = probabilities(back, "where is my parcel");
    expect(p[0]! + p[1]!).toBeCloseTo(1, 6);
    expect(p[0]).toBeGreaterThan(p[1]!);
    expect(probabilities(back, "charged twice on my invoice")[1]).toBeGreaterThan(0.5);
  });
  it("rejects a damaged file", () => {
    expect(() => deserializeModel(new Uint8Array([1, 2, 3]))).toThrow();
    const bytes = serializeModel(trainLinear(data, { classes: ["orders", "billing"], dim: 1 << 8, epochs: 1 }));
    expect(() => deserializeModel(bytes.subarray(0, bytes.length - 1))).toThrow();
  });
});
