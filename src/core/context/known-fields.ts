import type { Customer, Field } from "../model.js";
import { type AskableField, askableFieldOf } from "./askable-field.js";
import { detectAskedFields } from "./detect-asked-fields.js";
import type { DoNotAsk } from "./handoff-context.js";

/** How the console names each field when it warns "already known". */
export const FIELD_HINTS: Readonly<Record<AskableField, readonly string[]>> = {
  name: ["name", "who am I speaking with"],
  email: ["email", "e-mail address"],
  phone: ["phone number", "mobile"],
  order_number: ["order number", "order id"],
  account_id: ["account number", "customer id", "username"],
  booking_reference: ["booking reference", "reservation number"],
  invoice_number: ["invoice number"],
  error_code: ["error code", "error message"],
  address: ["address", "postal code"],
  date_of_birth: ["date of birth"],
  security_answer: ["PIN", "security answer"],
  amount: ["amount", "how much"],
  date: ["date", "which day"],
  time: ["time", "what time"],
  location: ["city", "where"],
  party_size: ["how many people"],
};

function hintsFor(fieldName: string): readonly string[] {
  const askable = askableFieldOf(fieldName);
  return askable !== null ? FIELD_HINTS[askable] : [fieldName.replace(/_/g, " ")];
}

/**
 * What the agent must not ask again: every known field (latest value per name), then the
 * customer record's name and e-mail when no field already covers them.
 * @example
 * buildDoNotAsk([{ name: "order_number", value: "A123", source: { kind: "message", messageId: "m1" }, at: 1 }], null)
 * // [{ field: "order_number", value: "A123", questionHints: ["order number", "order id"] }]
 */
export function buildDoNotAsk(fields: readonly Field[], customer: Customer | null): DoNotAsk[] {
  const latest = new Map<string, Field>();
  for (const f of [...fields].sort((a, b) => a.at - b.at)) if (f.value.trim() !== "") latest.set(f.name, f);
  const out: DoNotAsk[] = [...latest.values()].map((f) => ({ field: f.name, value: f.value, questionHints: hintsFor(f.name) }));
  const covered = new Set(out.map((d) => askableFieldOf(d.field) ?? d.field));
  const fromCrm: [AskableField, string | null][] = customer ? [["name", customer.name], ["email", customer.email]] : [];
  for (const [field, value] of fromCrm) {
    if (value && !covered.has(field)) out.push({ field, value, questionHints: FIELD_HINTS[field] });
  }
  return out;
}

/**
 * The first already-known field an agent message asks for, or null: the console's guard
 * ("you already know their order number: A123").
 * @example
 * findKnownFieldQuestion("What's your order number?", [{ field: "order_number", value: "A123", questionHints: [] }])
 * // { field: "order_number", value: "A123" }
 */
export function findKnownFieldQuestion(
  agentText: string,
  doNotAsk: readonly DoNotAsk[],
  lang?: string,
): { readonly field: string; readonly value: string } | null {
  if (doNotAsk.length === 0) return null;
  const asked = new Set<string>(detectAskedFields(agentText, lang));
  const hit = doNotAsk.find((d) => asked.has(askableFieldOf(d.field) ?? d.field));
  return hit ? { field: hit.field, value: hit.value } : null;
}
