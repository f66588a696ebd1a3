import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../test/integration/bot-servers.js";
import { botsSchema, type ExternalBotConfig } from "../../core/config/index.js";
import type { BotDelivery } from "../../ports/index.js";
import { BotDeliveryError, createHttpBotTransport } from "./http-bot.transport.js";

const SECRET = "transport-secret-0123456789";

const delivery: BotDelivery = {
  event: "visitor_message",
  deliveryId: "c1:m1",
  bot: "b",
  conversationId: "c1",
  message: { id: "m1", text: "Billing", payload: "/billing", at: 1 },
  visitor: { id: "v1", customerId: null, name: null, email: null, tier: null },
  page: null,
  language: "en",
  fields: {},
  nlu: null,
  turnsUrl: "http://baton/turns",
  handoffUrl: "http://baton/handoff",
};

describe("the HTTP bot transport, against a real bot server", () => {
  let server: TestBot;
  const bot = (over: Partial<ExternalBotConfig>): ExternalBotConfig =>
    botsSchema.parse({ external: [{ id: "b", kind: "webhook", url: `${server.url}/hook`, secret: SECRET, timeoutMs: 500, ...over }] }).external[0]!;
  const transport = createHttpBotTransport();

  beforeAll(async () => {
    server = await startTestBot(SECRET);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("webhook: signed body, inline answer read; 202/204/empty mean later", async () => {
    server.answer = () => ({ body: { messages: [{ text: "hi", buttons: [{ title: "A", payload: "/a" }] }, { text: "  " }], intent: "greet", confidence: 0.7 } });
    expect(await transport.deliver(bot({}), delivery)).toEqual({
      messages: [{ text: "hi", buttons: [{ title: "A", payload: "/a" }] }],
      intent: "greet",
      confidence: 0.7,
      handoff: undefined,
    });
    expect(server.received.at(-1)?.verified).toBe(true);
    expect(server.received.at(-1)?.body).toEqual(delivery);
    for (const status of [202, 204]) {
      server.answer = () => ({ status });
      expect(await transport.deliver(bot({}), delivery)).toBeNull();
    }
  });

  it("fails an attempt on a non-2xx status, an answer that does not parse, a time-out, an unreachable bot", async () => {
    const fails = async (kind: BotDeliveryError["kind"], config: ExternalBotConfig = bot({})) => {
      const err = await transport.deliver(config, delivery).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(BotDeliveryError);
      expect((err as BotDeliveryError).kind).toBe(kind);
    };
    server.answer = () => ({ status: 503, body: { error: "busy" } });
    await fails("http_status");
    server.answer = () => ({ body: { messages: "not a list" } });
    await fails("invalid_answer");
    server.answer = () => ({ body: { messages: [{ text: "nul \u0000 inside" }] } });
    await fails("invalid_answer");
    server.answer = () => null;
    await fails("timeout", bot({ timeoutMs: 100 }));
    server.release();
    await fails("network", bot({ url: "http://127.0.0.1:1/nobody" }));
  });

  it("rasa: REST channel body with the payload as the message; texts, buttons, custom handoff and intent read", async () => {
    server.answer = (r) =>
      r.path === "/model/parse"
        ? { body: { intent: { name: "from_parse", confidence: 0.1 } } }
        : {
            body: [
              { recipient_id: "c1", text: "Sure.", buttons: [{ title: "Yes", payload: "/yes" }] },
              { recipient_id: "c1", custom: { intent: { name: "billing", confidence: 0.42 } } },
              { recipient_id: "c1", custom: { handoff: { reason: "needs a person", fields: { plan: "pro", seats: 12 } } } },
              { recipient_id: "c1", image: "https://x/y.png" },
            ],
          };
    const before = server.received.length;
    const reply = await transport.deliver(bot({ kind: "rasa", url: `${server.url}/`, parseIntent: true }), delivery);
    expect(reply).toEqual({
      messages: [{ text: "Sure.", buttons: [{ title: "Yes", payload: "/yes" }] }],
      intent: "billing",
      confidence: 0.42,
      handoff: { reason: "needs a person", fields: { plan: "pro", seats: "12" } },
    });
    const sent = server.received.slice(before);
    // The custom confidence was there: /model/parse was not asked.
    expect(sent.map((r) => r.path)).toEqual(["/webhooks/rest/webhook"]);
    expect(sent[0]?.body).toMatchObject({ sender: "c1", message: "/billing", metadata: { conversationId: "c1" } });
    expect(sent[0]?.verified).toBe(true);
  });

  it("rasa: without a reading in the answer, /model/parse gives the intent and confidence", async () => {
    server.answer = (r) => (r.path === "/model/parse" ? { body: { intent: { name: "affirm", confidence: 0.33 }, entities: [] } } : { body: [{ text: "OK" }] });
    const reply = await transport.deliver(bot({ kind: "rasa", url: server.url, parseIntent: true }), delivery);
    expect(reply).toMatchObject({ intent: "affirm", confidence: 0.33 });
    expect(server.received.at(-1)?.body).toMatchObject({ text: "/billing" });
  });
});
