import type { Crm } from "../../ports/crm.js";
import type { ConversationStore } from "../../ports/conversation.store.js";

/**
 * The Crm port over Baton's built-in contacts table: by customer id first, then by e-mail
 * (trimmed). Store errors propagate.
 * @example
 * const crm = createContactsCrm(store);
 * await crm.lookup({ customerId: "cus_1", email: "ana@example.com" });
 */
export function createContactsCrm(store: Pick<ConversationStore, "getCustomer" | "findCustomerByEmail">): Crm {
  return {
    async lookup(query) {
      const id = query.customerId?.trim();
      if (id) {
        const byId = await store.getCustomer(id);
        if (byId) return byId;
      }
      const email = query.email?.trim();
      return email ? store.findCustomerByEmail(email) : null;
    },
  };
}
