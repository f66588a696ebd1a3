import type { Customer, Field } from "../model.js";

/** What a canned response's variables are filled from: the open conversation and the agent. */
export interface TemplateSource {
  readonly customer: Customer | null;
  readonly fields: readonly Pick<Field, "name" | "value">[];
  readonly agentName: string;
}

/** A filled template: the text, and the variables nothing was known for (left as typed). */
export interface FilledTemplate {
  readonly text: string;
  readonly missing: readonly string[];
}

const firstName = (name: string | null): string | null => name?.trim().split(/\s+/)[0] ?? null;

/** The value of one variable, or null when the conversation does not know it. */
function variableValue(variable: string, s: TemplateSource): string | null {
  const field = (name: string) => s.fields.find((f) => f.name === name)?.value ?? null;
  const visitorName = s.customer?.name ?? field("name");
  const [scope, key = ""] = variable.split(".", 2) as [string, string?];
  switch (scope) {
    case "visitor":
      if (key === "name") return visitorName;
      if (key === "first_name") return firstName(visitorName);
      if (key === "email") return s.customer?.email ?? field("email");
      return null;
    case "field":
      return field(key);
    case "agent":
      if (key === "name") return s.agentName;
      if (key === "first_name") return firstName(s.agentName);
      return null;
    case "customer": {
      const c = s.customer;
      if (c === null) return null;
      if (key === "plan") return c.plan;
      if (key === "tier") return c.tier;
      if (key === "name") return c.name;
      return null;
    }
    default:
      return null;
  }
}

/**
 * Fills {visitor.name}, {visitor.first_name}, {visitor.email}, {field.<name>}, {agent.name},
 * {agent.first_name}, {customer.plan|tier|name}. A variable nothing is known for stays as typed
 * and is listed in `missing`, so the agent sees what to complete before sending.
 *
 * @example
 * fillTemplate("Hi {visitor.first_name}, order {field.order_number}?", { customer: null, fields: [{ name: "order_number", value: "A-1" }], agentName: "María" });
 * // { text: "Hi {visitor.first_name}, order A-1?", missing: ["visitor.first_name"] }
 */
export function fillTemplate(template: string, source: TemplateSource): FilledTemplate {
  const missing: string[] = [];
  const text = template.replace(/\{([a-z]+(?:\.[a-z0-9_]+)?)\}/gi, (whole, variable: string) => {
    const value = variableValue(variable.toLowerCase(), source);
    if (value === null || value === "") {
      if (!missing.includes(variable)) missing.push(variable);
      return whole;
    }
    return value;
  });
  return { text, missing };
}
