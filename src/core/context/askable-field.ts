/**
 * The fields an agent may ask a visitor for, as Baton names them. Entity and CRM field names map
 * onto these with `askableFieldOf`.
 */
export type AskableField =
  | "name"
  | "email"
  | "phone"
  | "order_number"
  | "account_id"
  | "booking_reference"
  | "invoice_number"
  | "error_code"
  | "address"
  | "date_of_birth"
  | "security_answer"
  | "amount"
  | "date"
  | "time"
  | "location"
  | "party_size";

export const ASKABLE_FIELDS: readonly AskableField[] = [
  "name",
  "email",
  "phone",
  "order_number",
  "account_id",
  "booking_reference",
  "invoice_number",
  "error_code",
  "address",
  "date_of_birth",
  "security_answer",
  "amount",
  "date",
  "time",
  "location",
  "party_size",
];

/** Other spellings of field names seen from NLU entities, CRMs and bot configs. */
const ALIASES: Readonly<Record<string, AskableField>> = {
  full_name: "name",
  customer_name: "name",
  first_name: "name",
  last_name: "name",
  e_mail: "email",
  email_address: "email",
  phone_number: "phone",
  mobile: "phone",
  order_id: "order_number",
  order: "order_number",
  tracking_number: "order_number",
  account_number: "account_id",
  customer_id: "account_id",
  username: "account_id",
  booking_id: "booking_reference",
  booking_number: "booking_reference",
  reservation_number: "booking_reference",
  confirmation_code: "booking_reference",
  invoice: "invoice_number",
  invoice_id: "invoice_number",
  error: "error_code",
  postal_address: "address",
  shipping_address: "address",
  zip: "address",
  zip_code: "address",
  postcode: "address",
  dob: "date_of_birth",
  birth_date: "date_of_birth",
  pin: "security_answer",
  city: "location",
};

/**
 * The askable field a stored field name stands for, or null.
 * @example
 * askableFieldOf("order_id") // "order_number"
 * askableFieldOf("Email") // "email"
 */
export function askableFieldOf(fieldName: string): AskableField | null {
  const key = fieldName.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if ((ASKABLE_FIELDS as readonly string[]).includes(key)) return key as AskableField;
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : null;
}
