import { z } from "zod";
import { BotButtonSchema } from "../bot-sdk/payload.js";

/** Bodies of the HTTP API beyond the visitor/agent ones in protocol.ts. */
export const BotTurnBody = z.object({
  /** May be empty with `buttons`: their titles become the text. */
  text: z.string().trim().max(4000).default(""),
  buttons: z.array(BotButtonSchema).max(20).optional(),
  intent: z.string().min(1).max(100).optional(),
  confidence: z.number().min(0).max(1).optional(),
});

export const BotHandoffBody = z.object({
  reason: z.string().trim().min(1).max(500),
  topic: z.enum(["billing", "technical", "orders", "account", "presale", "cancellation", "human", "greeting", "none"]).optional(),
  intent: z.string().min(1).max(100).optional(),
  confidence: z.number().min(0).max(1).optional(),
  fields: z.record(z.string().min(1).max(60), z.string().max(500)).optional(),
});

export const RuleMatchBody = z.object({
  topic: z.enum(["billing", "technical", "orders", "account", "presale", "cancellation", "human", "greeting", "none"]),
  trigger: z.enum(["explicit_request", "repeated_question", "confidence_drop", "negative_sentiment", "keyword", "high_value", "agent_transfer", "bot_api", "bot_unavailable"]),
  tier: z.enum(["standard", "vip", "enterprise"]),
  language: z.string().min(2).max(10),
  afterHours: z.boolean(),
});

export const ConfigBody = z.object({ yaml: z.string().min(1).max(500_000) });

/** An admin assigns a queued chat to an agent below their cap. */
export const AssignBody = z.object({ agentId: z.string().min(1).max(100) });

export const RangeQuery = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
});

export const IdParams = z.object({ id: z.string().min(1).max(100) });

export const SimulateBody = z.object({
  yaml: z.string().min(1).max(200_000),
  /** A window of the scenario, so a run stays short: it runs in the server process. */
  hours: z.number().min(0.25).max(8).default(2),
  seed: z.number().int().nonnegative().optional(),
  /** Local time of day the window starts ("09:00"); the scenario's own start when absent. */
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "startTime is HH:mm").optional(),
});

/** An admin sets the bot of a widget key ("builtin", "none", an external bot's id), or null to drop the key. */
export const BotSiteBody = z.object({
  site: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "a widget key is letters, digits, . - and _ (64 at most)"),
  bot: z.string().min(1).max(100).nullable(),
});

export const DeadLetterQuery = z.object({
  bot: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
