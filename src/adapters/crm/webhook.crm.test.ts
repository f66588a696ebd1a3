import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrmError, createWebhookCrm } from "./webhook.crm.js";

interface Seen {
  readonly method: string | undefined;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

const ANA = {
  id: 42,
  name: "Ana Lima",
  email: "ana@acme.test",
  plan: "Scale",
  tier: "VIP",
  openTickets: 2,
  lifetimeValue: 18_500.5,
  csmAgentId: "agent-7",
  timeZone: "America/Sao_Paulo",
  extra: "ignored",
};

let server: Server;
let url: string;
const seen: Seen[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { email: string | null; customerId: string | null };
    seen.push({ method: req.method, contentType: req.headers["content-type"], authorization: req.headers.authorization, body });
    const json = (status: number, payload: string) => res.writeHead(status, { "content-type": "application/json" }).end(payload);
    switch (body.email ?? body.customerId) {
      case "ana@acme.test":
      case "42":
        return json(200, JSON.stringify(ANA));
      case "minimal@acme.test":
        return json(200, JSON.stringify({ id: "c-9", name: "Min", timeZone: "Mars/Olympus" }));
      case "missing@acme.test":
        return json(404, JSON.stringify({ error: "not found" }));
      case "null@acme.test":
        return json(200, "null");
      case "broken@acme.test":
        return json(200, '{"id": 1, "name": ');
      case "shape@acme.test":
        return json(200, JSON.stringify({ id: 1, tier: "gold" }));
      case "error@acme.test":
        return json(500, "{}");
      case "slow@acme.test":
        setTimeout(() => json(200, JSON.stringify(ANA)), 1_000);
        return;
      default:
        return json(400, "{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function crmWithErrors(timeoutMs = 2_000) {
  const errors: CrmError[] = [];
  const crm = createWebhookCrm({ url, timeoutMs, headers: { authorization: "Bearer t0k" }, onError: (e) => errors.push(e) });
  return { crm, errors };
}

describe("createWebhookCrm", () => {
  it("POSTs the query as JSON and maps the answer into a Customer", async () => {
    const { crm, errors } = crmWithErrors();
    seen.length = 0;
    expect(await crm.lookup({ email: "ana@acme.test" })).toEqual({
      id: "42",
      name: "Ana Lima",
      email: "ana@acme.test",
      plan: "Scale",
      tier: "vip",
      openTickets: 2,
      lifetimeValue: 18_500.5,
      csmAgentId: "agent-7",
      timeZone: "America/Sao_Paulo",
    });
    expect(seen).toEqual([
      { method: "POST", contentType: "application/json", authorization: "Bearer t0k", body: { email: "ana@acme.test", customerId: null } },
    ]);
    expect((await crm.lookup({ customerId: "42" }))?.name).toBe("Ana Lima");
    expect(errors).toEqual([]);
  });

  it("fills defaults and drops an unknown time zone", async () => {
    const { crm } = crmWithErrors();
    expect(await crm.lookup({ email: "minimal@acme.test" })).toEqual({
      id: "c-9",
      name: "Min",
      email: null,
      plan: null,
      tier: "standard",
      openTickets: 0,
      lifetimeValue: 0,
      csmAgentId: null,
      timeZone: null,
    });
  });

  it("gives null without an error for 404 and a null body, and asks nothing for an empty query", async () => {
    const { crm, errors } = crmWithErrors();
    seen.length = 0;
    expect(await crm.lookup({ email: "missing@acme.test" })).toBeNull();
    expect(await crm.lookup({ email: "null@acme.test" })).toBeNull();
    expect(await crm.lookup({})).toBeNull();
    expect(seen).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it.each([
    ["broken@acme.test", "invalid_json", 200],
    ["shape@acme.test", "invalid_customer", 200],
    ["error@acme.test", "http_status", 500],
  ] as const)("gives null and reports %s as %s", async (email, kind, status) => {
    const { crm, errors } = crmWithErrors();
    expect(await crm.lookup({ email })).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ kind, status })]);
  });

  it("gives up after timeoutMs", async () => {
    const { crm, errors } = crmWithErrors(100);
    const started = performance.now();
    expect(await crm.lookup({ email: "slow@acme.test" })).toBeNull();
    expect(performance.now() - started).toBeLessThan(900);
    expect(errors.map((e) => e.kind)).toEqual(["timeout"]);
  });

  it("reports a network failure, and survives a throwing reporter", async () => {
    const errors: CrmError[] = [];
    const closed = createWebhookCrm({ url: "http://127.0.0.1:1/crm", timeoutMs: 2_000, onError: (e) => errors.push(e) });
    expect(await closed.lookup({ email: "ana@acme.test" })).toBeNull();
    expect(errors.map((e) => e.kind)).toEqual(["network"]);
    const loud = createWebhookCrm({ url, timeoutMs: 2_000, onError: () => { throw new Error("reporter broke"); } });
    await expect(loud.lookup({ email: "error@acme.test" })).resolves.toBeNull();
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ id: "x", name: "Via fake" }), { status: 200 });
    };
    const crm = createWebhookCrm({ url: "http://crm.invalid/lookup", timeoutMs: 100, fetch: fakeFetch });
    expect((await crm.lookup({ customerId: "x" }))?.name).toBe("Via fake");
    expect(calls).toEqual(["http://crm.invalid/lookup"]);
  });
});
