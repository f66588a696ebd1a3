import { describe, expect, it } from "vitest";
import { readJson, readNullableJson, writeJson, writeNullableJson } from "./json-column.js";

describe("JSON columns", () => {
  it("round-trips documents and keeps null as SQL NULL", () => {
    const doc = { a: [1, 2.5, "ü"], b: { c: null } };
    expect(readJson(writeJson(doc))).toEqual(doc);
    expect(writeNullableJson(null)).toBeNull();
    expect(readNullableJson(null)).toBeNull();
    expect(readNullableJson(writeNullableJson(doc))).toEqual(doc);
  });

  it("accepts a value a driver already parsed", () => {
    expect(readJson({ a: 1 })).toEqual({ a: 1 });
  });
});
