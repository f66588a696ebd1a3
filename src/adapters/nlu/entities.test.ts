import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities.js";

const one = (text: string) => extractEntities(text).map((e) => [e.field, e.value, text.slice(e.start, e.end)]);

describe("extractEntities", () => {
  it.each([
    ["where is order #A12345?", "order_number", "A12345"],
    ["mi pedido 4587345 no llega", "order_number", "4587345"],
    ["Bestellnummer: AB-99812", "order_number", "AB-99812"],
    ["send me invoice #85632", "invoice_number", "85632"],
    ["write to jo.doe@example.co.uk", "email", "jo.doe@example.co.uk"],
    ["call me at +1 (415) 555-0132", "phone", "+1 (415) 555-0132"],
    ["my number is 0612345678", "phone", "0612345678"],
    ["account number: 12345678", "account_id", "12345678"],
    ["I get error 0x80070005", "error_code", "0x80070005"],
    ["it says ERR_CONNECTION_REFUSED", "error_code", "ERR_CONNECTION_REFUSED"],
    ["refund of 1200 dollars", "amount", "1200 dollars"],
    ["it costs $12.50", "amount", "$12.50"],
    ["the amount to transfer is 5000", "amount", "5000"],
    ["my account number is 100999821", "account_id", "100999821"],
    ["INV-3001, as I said", "invoice_number", "INV-3001"],
  ])("%s → %s %s", (text, field, value) => {
    expect(one(text)).toContainEqual([field, value, value]);
  });

  it("a prefixed invoice id is not an error code", () => {
    expect(extractEntities("INV-3001, as I said").map((e) => e.field)).toEqual(["invoice_number"]);
    expect(extractEntities("it fails with ABC-404").map((e) => e.field)).toEqual(["error_code"]);
  });

  it("finds nothing in plain text or small numbers", () => {
    expect(extractEntities("I ordered 2 items in 2023, hello")).toEqual([]);
    expect(extractEntities("I paid 3 times already")).toEqual([]);
    expect(extractEntities("")).toEqual([]);
  });

  it("does not report overlapping spans", () => {
    const found = extractEntities("order 12345678 and phone +44 20 7946 0958, mail a@b.io");
    for (const a of found) for (const b of found) if (a !== b) expect(a.end <= b.start || b.end <= a.start).toBe(true);
    expect(found.map((e) => e.field)).toEqual(["order_number", "phone", "email"]);
  });
});
