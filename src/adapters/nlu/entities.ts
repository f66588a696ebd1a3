import type { Entity } from "../../core/model.js";

/**
 * One extraction rule: a field name and a global regex. `group` names the capture group holding the
 * value (the whole match when absent). Earlier rules win where spans overlap.
 */
interface EntityRule {
  readonly field: string;
  readonly pattern: RegExp;
  readonly group?: string;
  /** Extra check on the value (e.g. digit count for phone numbers). */
  readonly accept?: (value: string) => boolean;
}

const ORDER_WORDS = "order|purchase|pedido|compra|commande|bestellung|bestellnummer|auftrag|encomenda|ordem";
const ACCOUNT_WORDS = "account|acct|customer|cuenta|cliente|compte|konto|kundennummer|conta";
const INVOICE_WORDS = "invoice|bill|receipt|factura|facture|rechnung|fatura|nota fiscal";
const NUMBER_WORDS = "number|no\\.?|nr\\.?|n[º°o]\\.?|num(?:ber|ero|éro)?|nummer|número|id|#";

const digitCount = (value: string): number => value.replace(/\D/g, "").length;

/** Rules in priority order. Each keyword-anchored id needs at least one digit. */
export const ENTITY_RULES: readonly EntityRule[] = [
  { field: "email", pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  {
    field: "order_number",
    pattern: new RegExp(
      `(?:\\b(?:${ORDER_WORDS})\\b(?:\\s+(?:${NUMBER_WORDS}))?\\s*(?:is|es|est|ist|é|:|#|-)?\\s*#?)(?<v>(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{3,24})\\b`,
      "giu",
    ),
    group: "v",
  },
  { field: "order_number", pattern: /\b(?<v>(?:ORD|ORDER|PO)-?\d{4,16})\b/giu, group: "v" },
  {
    field: "invoice_number",
    pattern: new RegExp(`(?:\\b(?:${INVOICE_WORDS})\\b(?:\\s+(?:${NUMBER_WORDS}))?\\s*:?\\s*)(?<v>#?(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{2,24})\\b`, "giu"),
    group: "v",
  },
  {
    field: "account_id",
    pattern: new RegExp(`(?:\\b(?:${ACCOUNT_WORDS})\\b\\s+(?:${NUMBER_WORDS})\\s*(?:is|es|est|ist|é|:)?\\s*#?)(?<v>(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{3,24})\\b`, "giu"),
    group: "v",
  },
  { field: "account_id", pattern: /\b(?<v>(?:ACC|ACCT|CUST)-?\d{3,16})\b/giu, group: "v" },
  // Prefixed invoice ids ("INV-3001, as I said") before the generic "ABC-123" error-code shape.
  { field: "invoice_number", pattern: /\b(?<v>(?:INV|FAC|FAT|RECH)-?\d{3,16})\b/giu, group: "v" },
  {
    field: "error_code",
    pattern: /\b(?:error|err|code|fehler|fehlercode|erreur|c[oó]digo|erro)\s*(?:code|c[oó]digo)?\s*[:#]?\s*(?<v>(?=[A-Z0-9_.-]*\d|[A-Z]+_[A-Z_]+)[A-Z0-9][A-Z0-9_.-]{1,30})\b/giu,
    group: "v",
  },
  { field: "error_code", pattern: /\b(?<v>0x[0-9a-f]{4,16}|ERR_[A-Z_]{3,}|E[A-Z]{3,}|[A-Z]{1,5}-\d{3,6})\b/gu, group: "v" },
  {
    field: "amount",
    pattern: /(?:[$€£¥]|R\$|US\$)\s?(?:\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:[.,]\d{1,2})?|\b(?:\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:[.,]\d{1,2})?\s?(?:€|\$|£|(?:usd|eur|gbp|brl|chf|dollars?|euros?|pounds?|reais|real|d[oó]lares|francs?)\b)/giu,
  },
  {
    // Keyword-anchored bare numbers: "amount is 50", "transfer 5000", "charged 90".
    field: "amount",
    pattern: /\b(?:amount|total|transfer|charged|paid|pay|costs?|price|refund of|importe|montant|betrag|valor)\b(?:\s+(?:is|of|was|es|est|ist|é|de|von))?\s*:?\s*(?<v>\d{1,9}(?:[.,]\d{1,2})?)\b(?!\s*(?:%|items?|times?|days?|hours?|minutes?))/giu,
    group: "v",
  },
  {
    field: "phone",
    pattern: /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w])|(?<![\w+])\+\d{8,15}\b|(?<=\b(?:phone|mobile|cell|tel|telephone|number|telefono|telefone|telephone|handy|nummer|numero)\b\D{0,12})\d{8,15}\b/giu,
    accept: (value) => digitCount(value) >= 8 && digitCount(value) <= 15,
  },
];

/**
 * Finds order numbers, invoice numbers, e-mails, phone numbers, account ids, error codes and amounts.
 * Spans are character offsets in `text` (end exclusive); overlapping matches keep the earlier rule.
 * @example
 * extractEntities("where is order #A12345?") // [{ field: "order_number", value: "A12345", start: 16, end: 22 }]
 */
export function extractEntities(text: string): Entity[] {
  const found: Entity[] = [];
  const overlaps = (start: number, end: number) => found.some((e) => start < e.end && e.start < end);
  for (const rule of ENTITY_RULES) {
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const value = rule.group ? match.groups?.[rule.group] : match[0];
      if (!value) continue;
      const offset = rule.group ? match[0].lastIndexOf(value) : 0;
      const start = match.index + offset;
      const end = start + value.length;
      if (rule.accept && !rule.accept(value)) continue;
      if (overlaps(start, end)) continue;
      found.push({ field: rule.field, value: value.trim(), start, end: start + value.trim().length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
