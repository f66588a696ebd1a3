import { describe, expect, it } from "vitest";
import type { Customer } from "../../core/model.js";
import type { Crm } from "../../ports/crm.js";
import { chainCrm } from "./chain-crm.js";
import { createContactsCrm } from "./contacts.crm.js";

const customer = (id: string, email: string | null): Customer => ({
  id,
  name: `Customer ${id}`,
  email,
  plan: null,
  tier: "standard",
  openTickets: 0,
  lifetimeValue: 0,
  csmAgentId: null,
  timeZone: null,
});

function contacts(...customers: Customer[]) {
  const calls: string[] = [];
  const crm = createContactsCrm({
    getCustomer: async (id) => {
      calls.push(`id:${id}`);
      return customers.find((c) => c.id === id) ?? null;
    },
    findCustomerByEmail: async (email) => {
      calls.push(`email:${email}`);
      return customers.find((c) => c.email === email) ?? null;
    },
  });
  return { crm, calls };
}

describe("createContactsCrm", () => {
  const ana = customer("c1", "ana@acme.test");

  it("looks up by id first, then by e-mail", async () => {
    const { crm, calls } = contacts(ana);
    expect(await crm.lookup({ customerId: "c1", email: "other@acme.test" })).toBe(ana);
    expect(await crm.lookup({ customerId: "nope", email: " ana@acme.test " })).toBe(ana);
    expect(calls).toEqual(["id:c1", "id:nope", "email:ana@acme.test"]);
  });

  it("gives null when nothing matches or nothing is asked", async () => {
    const { crm, calls } = contacts(ana);
    expect(await crm.lookup({ email: "bo@acme.test" })).toBeNull();
    expect(await crm.lookup({ customerId: " ", email: "" })).toBeNull();
    expect(calls).toEqual(["email:bo@acme.test"]);
  });
});

describe("chainCrm", () => {
  const fixed = (c: Customer | null, log: string[], name: string): Crm => ({
    lookup: async () => {
      log.push(name);
      return c;
    },
  });

  it("gives the first customer found and asks no further", async () => {
    const log: string[] = [];
    const second = customer("c2", null);
    const crm = chainCrm(fixed(null, log, "a"), fixed(second, log, "b"), fixed(customer("c3", null), log, "c"));
    expect(await crm.lookup({ email: "x@acme.test" })).toBe(second);
    expect(log).toEqual(["a", "b"]);
  });

  it("gives null when no source knows the customer, or there are no sources", async () => {
    const log: string[] = [];
    expect(await chainCrm(fixed(null, log, "a"), fixed(null, log, "b")).lookup({ customerId: "c" })).toBeNull();
    expect(log).toEqual(["a", "b"]);
    expect(await chainCrm().lookup({ customerId: "c" })).toBeNull();
  });
});
