import { z } from "zod";
import type { Customer } from "../../core/model.js";

const optionalText = z
  .string()
  .nullish()
  .transform((s) => (s?.trim() ? s.trim() : null));

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The customer JSON a CRM webhook answers with. Required: `id` (string or integer) and `name`.
 * Optional: email, plan, tier ("standard" | "vip" | "enterprise", any case; default standard),
 * openTickets (integer ≥ 0, default 0), lifetimeValue (default 0), csmAgentId, timeZone (IANA;
 * an unknown zone becomes null). Unknown keys are ignored. Parses straight into `Customer`.
 * @example
 * crmCustomerSchema.parse({ id: 42, name: "Ana", tier: "VIP" }); // { id: "42", name: "Ana", tier: "vip", ... }
 */
export const crmCustomerSchema = z
  .object({
    id: z.union([z.string().trim().min(1), z.number().int()]).transform(String),
    name: z.string().trim().min(1),
    email: optionalText,
    plan: optionalText,
    tier: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
      z.enum(["standard", "vip", "enterprise"]).nullish(),
    ),
    openTickets: z.number().int().nonnegative().nullish(),
    lifetimeValue: z.number().finite().nullish(),
    csmAgentId: optionalText,
    timeZone: optionalText.transform((tz) => (tz !== null && isTimeZone(tz) ? tz : null)),
  })
  .transform(
    (c): Customer => ({
      id: c.id,
      name: c.name,
      email: c.email,
      plan: c.plan,
      tier: c.tier ?? "standard",
      openTickets: c.openTickets ?? 0,
      lifetimeValue: c.lifetimeValue ?? 0,
      csmAgentId: c.csmAgentId,
      timeZone: c.timeZone,
    }),
  );
