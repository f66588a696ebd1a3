import { describe, expect, it } from "vitest";
import { isDomainError } from "../../core/errors.js";
import { parseStoreUrl } from "./open-store.js";

describe("parseStoreUrl", () => {
  it("reads SQLite files, memory and PostgreSQL URLs", () => {
    expect(parseStoreUrl("sqlite:./data/baton.db")).toEqual({ kind: "sqlite", path: "./data/baton.db" });
    expect(parseStoreUrl("sqlite::memory:")).toEqual({ kind: "sqlite", path: ":memory:" });
    expect(parseStoreUrl("sqlite:///var/lib/baton.db")).toEqual({ kind: "sqlite", path: "/var/lib/baton.db" });
    expect(parseStoreUrl("postgres://u@h:5432/db")).toEqual({ kind: "postgres", url: "postgres://u@h:5432/db" });
    expect(parseStoreUrl("postgresql://u@h/db")).toEqual({ kind: "postgres", url: "postgresql://u@h/db" });
  });

  it.each(["mysql://x", "sqlite:", "./baton.db", ""])("rejects %j with invalid_config", (url) => {
    let error: unknown;
    try {
      parseStoreUrl(url);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code === "invalid_config").toBe(true);
  });
});
