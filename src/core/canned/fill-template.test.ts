import { describe, expect, it } from "vitest";
import type { Customer } from "../model.js";
import { fillTemplate } from "./fill-template.js";

const carlos: Customer = {
  id: "c1",
  name: "Carlos Pérez",
  email: "carlos.perez@example.mx",
  plan: "Starter",
  tier: "standard",
  openTickets: 1,
  lifetimeValue: 340,
  csmAgentId: null,
  timeZone: null,
};

describe("fillTemplate", () => {
  it("fills visitor, field, agent and customer variables from the conversation", () => {
    const filled = fillTemplate("Hi {visitor.first_name} ({visitor.email}), order {field.order_number} on {customer.plan}. {agent.first_name}", {
      customer: carlos,
      fields: [{ name: "order_number", value: "A-12345" }],
      agentName: "María García",
    });
    expect(filled).toEqual({ text: "Hi Carlos (carlos.perez@example.mx), order A-12345 on Starter. María", missing: [] });
  });

  it("falls back to the fields the visitor gave, and leaves unknown variables as typed, listed once", () => {
    const filled = fillTemplate("{visitor.name}: {field.invoice_number} / {field.invoice_number} {nonsense} {visitor.email}", {
      customer: null,
      fields: [{ name: "email", value: "x@example.com" }],
      agentName: "Tom",
    });
    expect(filled.text).toBe("{visitor.name}: {field.invoice_number} / {field.invoice_number} {nonsense} x@example.com");
    expect(filled.missing).toEqual(["visitor.name", "field.invoice_number", "nonsense"]);
  });

  it("never treats a filled value as a template", () => {
    expect(fillTemplate("{field.note}", { customer: null, fields: [{ name: "note", value: "{agent.name}" }], agentName: "Tom" }).text).toBe("{agent.name}");
  });
});
