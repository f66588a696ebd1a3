import type { HandoffContextV1 } from "./types.js";

/** How the console names a chat's visitor: the server's label (customer, given name or e-mail, friendly label). */
export function visitorName(c: HandoffContextV1): string {
  return c.visitor?.label ?? c.customer?.name ?? "Visitor";
}
