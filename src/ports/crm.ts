import type { Customer } from "../core/model.js";

/** Looks up the customer behind a visitor: built-in contacts, or a CRM through a webhook. */
export interface Crm {
  lookup(query: { readonly email?: string; readonly customerId?: string }): Promise<Customer | null>;
}
