import { describe, expect, it } from "vitest";
import { askableFieldOf } from "./askable-field.js";
import { field } from "./context.fixtures.js";
import { buildDoNotAsk, findKnownFieldQuestion } from "./known-fields.js";

const customer = {
  id: "cu1",
  name: "Ana Lima",
  email: "ana@example.com",
  plan: null,
  tier: "standard" as const,
  openTickets: 0,
  lifetimeValue: 0,
  csmAgentId: null,
  timeZone: null,
};

describe("askableFieldOf", () => {
  it("maps names and aliases, else null", () => {
    expect(askableFieldOf("order_number")).toBe("order_number");
    expect(askableFieldOf("Order-ID")).toBe("order_number");
    expect(askableFieldOf("zip code")).toBe("address");
    expect(askableFieldOf("toString")).toBeNull();
    expect(askableFieldOf("favourite_colour")).toBeNull();
  });
});

describe("buildDoNotAsk", () => {
  it("keeps the latest value per field and adds CRM name/email not already known", () => {
    const got = buildDoNotAsk([field("order_number", "A1", 1), field("order_number", "A2", 2), field("email", "x@y.io", 3)], customer);
    expect(got).toEqual([
      { field: "order_number", value: "A2", questionHints: ["order number", "order id"] },
      { field: "email", value: "x@y.io", questionHints: ["email", "e-mail address"] },
      { field: "name", value: "Ana Lima", questionHints: ["name", "who am I speaking with"] },
    ]);
  });
  it("skips empty values and names unknown fields by their own name", () => {
    expect(buildDoNotAsk([field("plan_tier", "gold", 1), field("phone", " ", 2)], null)).toEqual([
      { field: "plan_tier", value: "gold", questionHints: ["plan tier"] },
    ]);
  });
});

describe("findKnownFieldQuestion", () => {
  const doNotAsk = buildDoNotAsk([field("order_id", "A12345", 1)], customer);
  it("finds a question about a known field", () => {
    expect(findKnownFieldQuestion("Hi! Can you tell me your order number?", doNotAsk)).toEqual({ field: "order_id", value: "A12345" });
    expect(findKnownFieldQuestion("And what's your email?", doNotAsk)).toEqual({ field: "email", value: "ana@example.com" });
    expect(findKnownFieldQuestion("¿Cuál es su número de pedido?", doNotAsk, "es")).toEqual({ field: "order_id", value: "A12345" });
  });
  it("ignores statements, unknown fields and empty lists", () => {
    expect(findKnownFieldQuestion("Your order number A12345 has shipped.", doNotAsk)).toBeNull();
    expect(findKnownFieldQuestion("What's your phone number?", doNotAsk)).toBeNull();
    expect(findKnownFieldQuestion("What's your order number?", [])).toBeNull();
  });
});
