export { chainCrm } from "./chain-crm.js";
export { createContactsCrm } from "./contacts.crm.js";
export { crmCustomerSchema } from "./crm-customer.schema.js";
export { type CrmError, createWebhookCrm, type WebhookCrmOptions } from "./webhook.crm.js";
