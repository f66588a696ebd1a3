import type { Customer, Field } from "../model.js";

const COLOURS = [
  "Amber", "Azure", "Coral", "Crimson", "Indigo", "Ivory", "Jade", "Lilac", "Mint", "Ochre",
  "Olive", "Pearl", "Plum", "Ruby", "Sage", "Sand", "Scarlet", "Silver", "Teal", "Violet",
] as const;
const ANIMALS = [
  "Badger", "Bison", "Crane", "Dolphin", "Falcon", "Fox", "Gecko", "Heron", "Ibex", "Koala",
  "Lynx", "Marten", "Newt", "Otter", "Owl", "Panda", "Puffin", "Quail", "Robin", "Seal",
  "Stork", "Tapir", "Walrus", "Wren", "Yak", "Zebra",
] as const;

/** FNV-1a: a small, stable hash (the same id gives the same label on every node and release). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A stable friendly label for an anonymous visitor, derived from their visitor id: two chats
 * open side by side read "Teal Otter" and "Coral Lynx", not "Visitor" and "Visitor".
 *
 * @example
 * friendlyName("0193a1b2-...") // "Teal Otter" (always the same for this id)
 */
export function friendlyName(visitorId: string): string {
  const h = fnv1a(visitorId);
  return `${COLOURS[h % COLOURS.length]} ${ANIMALS[Math.floor(h / COLOURS.length) % ANIMALS.length]}`;
}

/** How an agent names the visitor, and where the name came from. */
export interface VisitorLabel {
  readonly name: string;
  readonly source: "customer" | "name" | "email" | "friendly";
}

/**
 * The verified customer's name, else a name or e-mail the visitor gave (or the site passed,
 * unverified), else the friendly label.
 *
 * @example
 * visitorLabel({ visitorId: "v1", customer: null, fields: [{ name: "email", value: "a@b.c" }] }); // { name: "a@b.c", source: "email" }
 */
export function visitorLabel(input: {
  readonly visitorId: string;
  readonly customer: Pick<Customer, "name"> | null;
  readonly fields: readonly Pick<Field, "name" | "value">[];
}): VisitorLabel {
  if (input.customer !== null) return { name: input.customer.name, source: "customer" };
  const field = (n: string) => input.fields.find((f) => f.name === n)?.value.trim() || null;
  const name = field("name");
  if (name !== null) return { name, source: "name" };
  const email = field("email");
  if (email !== null) return { name: email, source: "email" };
  return { name: friendlyName(input.visitorId), source: "friendly" };
}

/**
 * The city of an IANA time zone, for people: "America/New_York" → "New York",
 * "America/Argentina/Buenos_Aires" → "Buenos Aires"; null for "UTC" and the like.
 *
 * @example
 * cityOfTimeZone("Europe/Paris"); // "Paris"
 */
export function cityOfTimeZone(zone: string | null): string | null {
  if (zone === null || !zone.includes("/")) return null;
  const city = zone.split("/").at(-1) ?? "";
  if (/^(GMT|UTC|Etc)/i.test(city) || /^Etc\//.test(zone)) return null;
  return city.replace(/_/g, " ");
}
