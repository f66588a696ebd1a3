import { z } from "zod";

/** Text from a bot: no control characters but tab, line feed and carriage return (as every frame Baton takes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, "control characters are not allowed");
const topics = ["billing", "technical", "orders", "account", "presale", "cancellation", "human", "greeting", "none"] as const;

/** A quick reply: the visitor sees `title`; a click sends `payload` to the bot (the title shows in the transcript). */
export const BotButtonSchema = z.object({ title: text(80).trim().min(1), payload: text(1000).min(1) });

/** A handoff the bot asks for, with what it collected. */
export const BotHandoffRequestSchema = z.object({
  reason: text(500).trim().min(1).default("the bot asked for a human"),
  topic: z.enum(topics).optional(),
  fields: z.record(text(60).min(1), z.union([text(500), z.number(), z.boolean()]).transform(String)).optional(),
});

/**
 * What Baton POSTs to a webhook bot for each visitor message while the bot holds the chat
 * (signed: see verify.ts). Rasa bots get Rasa's REST channel body instead (`sender`, `message`,
 * and this as `metadata`).
 */
export const BotDeliverySchema = z.object({
  event: z.literal("visitor_message"),
  /** Unique per delivery (a retry keeps it): answer each once. */
  deliveryId: z.string(),
  bot: z.string(),
  conversationId: z.string(),
  message: z.object({
    id: z.string(),
    text: z.string(),
    /** The payload of the quick reply the visitor clicked (the text is its title), or null. */
    payload: z.string().nullable(),
    at: z.number().describe("epoch ms"),
  }),
  visitor: z.object({
    id: z.string(),
    /** Only with a verified identity (the site signed it); otherwise null. */
    customerId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    tier: z.enum(["standard", "vip", "enterprise"]).nullable(),
  }),
  page: z.object({ url: z.string(), title: z.string() }).nullable(),
  language: z.string(),
  /** What Baton knows so far: name → value. */
  fields: z.record(z.string(), z.string()),
  /** Baton's own reading of the message. */
  nlu: z.object({ intent: z.string(), confidence: z.number(), sentiment: z.number() }).nullable(),
  /** Where to post turns later (Bot API, bearer key): `POST {turnsUrl}` and `POST {handoffUrl}`. */
  turnsUrl: z.string(),
  handoffUrl: z.string(),
});
export type BotDelivery = z.infer<typeof BotDeliverySchema>;

/**
 * A webhook bot's answer in the HTTP response body (200 with JSON). An empty body (202, 204)
 * means "I will answer later through the Bot API".
 */
export const BotAnswerSchema = z.object({
  messages: z
    .array(z.object({ text: text(4000).default(""), buttons: z.array(BotButtonSchema).max(20).optional() }))
    .max(20)
    .default([]),
  /** The intent the bot read in the visitor's message, and how sure it is (0..1): feeds Baton's confidence-drop trigger. */
  intent: text(100).min(1).optional(),
  confidence: z.number().min(0).max(1).optional(),
  handoff: BotHandoffRequestSchema.optional(),
});
export type BotAnswer = z.infer<typeof BotAnswerSchema>;

/** Rasa's `custom` payload as Baton reads it: `{"handoff": {...}}`, and the intent with its confidence. */
const RasaCustomSchema = z
  .object({
    handoff: BotHandoffRequestSchema.optional(),
    intent: z.union([text(100).min(1), z.object({ name: text(100).min(1), confidence: z.number().min(0).max(1).optional() })]).optional(),
    confidence: z.number().min(0).max(1).optional(),
  })
  .loose();

/** One element of Rasa's REST channel answer (`POST /webhooks/rest/webhook`). */
export const RasaReplySchema = z
  .object({
    recipient_id: z.string().optional(),
    text: text(4000).optional(),
    buttons: z.array(BotButtonSchema).max(20).optional(),
    custom: z.unknown().optional(),
  })
  .loose();
export const RasaAnswerSchema = z.array(RasaReplySchema).max(50);

export const RasaCustom = RasaCustomSchema;

/** Rasa's `POST /model/parse` answer (the part Baton reads). */
export const RasaParseSchema = z.object({ intent: z.object({ name: z.string().nullable().optional(), confidence: z.number().min(0).max(1) }) }).loose();
