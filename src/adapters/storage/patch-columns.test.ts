import { describe, expect, it } from "vitest";
import { isDomainError } from "../../core/errors.js";
import { conversationPatchToRow } from "./conversation-rows.js";

describe("patchColumns (through conversationPatchToRow)", () => {
  it("maps defined keys to columns, keeps explicit nulls and skips undefined", () => {
    expect(
      conversationPatchToRow({ state: "queued", assignedAgentId: null, page: { url: "u", title: "t" }, ruleId: undefined }),
    ).toEqual({ state: "queued", assigned_agent_id: null, page: '{"url":"u","title":"t"}' });
    expect(conversationPatchToRow({})).toEqual({});
  });

  it("rejects a key the table does not know with invalid_input", () => {
    let error: unknown;
    try {
      conversationPatchToRow({ id: "x" } as never);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code === "invalid_input").toBe(true);
  });
});
