import type { FastifyInstance } from "fastify";
import { parseDocument } from "yaml";
import { z } from "zod";
import type { Engine } from "../app/index.js";
import { BotAnswerSchema, BotDeliverySchema } from "../bot-sdk/payload.js";
import { DomainError } from "../core/errors.js";
import type { Access } from "./access.js";
import { BotSiteBody, DeadLetterQuery } from "./http.schema.js";
import { parseInput } from "./validate.js";

const doc = (schema: z.ZodType, io: "input" | "output" = "input") => z.toJSONSchema(schema, { target: "openapi-3.0", io });

export interface BotRouteOptions {
  readonly access: Access;
  readonly readConfigText: () => Promise<string>;
  /** Validates and persists the YAML, and swaps the running config. */
  readonly saveConfig: (yaml: string) => Promise<void>;
}

/** An example delivery, as the OpenAPI page shows it. */
export const DELIVERY_EXAMPLE = {
  event: "visitor_message",
  deliveryId: "0196f0c2-7d1e-7b7a-9c1e-2f7c1a9e4b10:0196f0c2-8a00-7000-8000-000000000001",
  bot: "shop-rasa",
  conversationId: "0196f0c2-7d1e-7b7a-9c1e-2f7c1a9e4b10",
  message: { id: "0196f0c2-8a00-7000-8000-000000000001", text: "Where is my order 4417?", payload: null, at: 1795000000000 },
  visitor: { id: "v-81c2", customerId: null, name: null, email: null, tier: null },
  page: { url: "https://shop.example/orders", title: "My orders" },
  language: "en",
  fields: { order_number: "4417" },
  nlu: { intent: "orders.status", confidence: 0.88, sentiment: 0 },
  turnsUrl: "https://baton.example/api/bot/conversations/0196f0c2-7d1e-7b7a-9c1e-2f7c1a9e4b10/turns",
  handoffUrl: "https://baton.example/api/bot/conversations/0196f0c2-7d1e-7b7a-9c1e-2f7c1a9e4b10/handoff",
};

export const ANSWER_EXAMPLE = {
  messages: [{ text: "Order 4417 ships tomorrow. Anything else?", buttons: [{ title: "No, thanks", payload: "/goodbye" }, { title: "Talk to a person", payload: "/human" }] }],
  intent: "orders.status",
  confidence: 0.91,
};

export const SIGNATURE_DOC =
  "Each delivery carries `x-baton-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the bot's secret>` " +
  "and `x-baton-delivery: <deliveryId>`. Refuse a signature older than 5 minutes (replay window) and compare in constant time: " +
  "`verifyBatonSignature` in src/bot-sdk does both. Answer 2xx within the bot's `timeoutMs`, inline (a BotAnswer body) or with 202/204 and " +
  "later through the Bot API. Failed attempts are retried with doubling backoff; `unavailableAfter` failures in a row hand the chat off with trigger `bot_unavailable`.";

/** Admin views of the external bots: which bot each widget key gets, and the dead letters. */
export function botRoutes(app: FastifyInstance, engine: Engine, opts: BotRouteOptions): void {
  const { access } = opts;
  app.get(
    "/api/admin/bots",
    {
      schema: {
        tags: ["admin", "bot"],
        summary: "Bots in charge per widget key, and the external bots (secrets left out)",
        description: `${SIGNATURE_DOC}\n\nThe delivery (BotDelivery) and the inline answer (BotAnswer) are under components/schemas.`,
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      await access.admin(req);
      const { bots } = engine.config;
      return {
        default: bots.default,
        sites: bots.sites,
        external: bots.external.map(({ secret: _secret, ...rest }) => rest),
        choices: ["builtin", "none", ...bots.external.map((b) => b.id)],
      };
    },
  );
  app.put(
    "/api/admin/bots/sites",
    {
      schema: { tags: ["admin", "bot"], summary: "Set the bot of a widget key (null removes the key: the default bot)", body: doc(BotSiteBody), security: [{ bearer: [] }] },
    },
    async (req) => {
      await access.admin(req);
      const body = parseInput(BotSiteBody, req.body);
      const document = parseDocument(await opts.readConfigText());
      if (body.bot === null) document.deleteIn(["bots", "sites", body.site]);
      else {
        if (!document.hasIn(["bots"])) document.setIn(["bots"], document.createNode({}));
        if (!document.hasIn(["bots", "sites"])) document.setIn(["bots", "sites"], document.createNode({}));
        document.setIn(["bots", "sites", body.site], body.bot);
      }
      if (document.errors.length > 0) throw new DomainError("invalid_config", "the config file does not parse");
      await opts.saveConfig(document.toString());
      return { default: engine.config.bots.default, sites: engine.config.bots.sites };
    },
  );
  app.get(
    "/api/admin/bots/dead-letters",
    {
      schema: {
        tags: ["admin", "bot"],
        summary: "Visitor messages an external bot never took (newest first), with the payload and the last error",
        querystring: doc(DeadLetterQuery),
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      await access.admin(req);
      const q = parseInput(DeadLetterQuery, req.query);
      return engine.deps.store.listBotDeadLetters({ limit: q.limit, ...(q.bot === undefined ? {} : { botId: q.bot }) });
    },
  );
}

/** The delivery and answer schemas with examples, for the OpenAPI components. */
export function botSchemas(): Record<string, unknown> {
  return {
    BotDelivery: { ...doc(BotDeliverySchema, "output"), description: `What Baton POSTs to a webhook bot. ${SIGNATURE_DOC}`, example: DELIVERY_EXAMPLE },
    BotAnswer: { ...doc(BotAnswerSchema), description: "A webhook bot's inline answer (HTTP 200, JSON). Empty body, 202 or 204: it answers later via the Bot API.", example: ANSWER_EXAMPLE },
  };
}
