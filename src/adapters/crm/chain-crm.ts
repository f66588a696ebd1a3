import type { Crm } from "../../ports/crm.js";

/**
 * Asks each Crm in turn and gives the first customer found (null when none finds one). Later
 * sources are not asked once one answers. An error thrown by a source propagates.
 * @example
 * const crm = chainCrm(createContactsCrm(store), createWebhookCrm({ url, timeoutMs: 1500 }));
 */
export function chainCrm(...crms: readonly Crm[]): Crm {
  return {
    async lookup(query) {
      for (const crm of crms) {
        const customer = await crm.lookup(query);
        if (customer) return customer;
      }
      return null;
    },
  };
}
