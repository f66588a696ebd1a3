import { describe, expect, it } from "vitest";
import { assertSchemaName } from "./postgres-kysely.js";

describe("assertSchemaName", () => {
  it("accepts plain lower-case identifiers", () => {
    expect(() => assertSchemaName("baton_test_1a2b")).not.toThrow();
    expect(() => assertSchemaName("_x")).not.toThrow();
  });

  it.each(['x"; drop schema public; --', "Upper", "1abc", "has space", "a".repeat(64), ""])("rejects %j", (name) => {
    expect(() => assertSchemaName(name)).toThrow(/invalid PostgreSQL schema name/);
  });
});
