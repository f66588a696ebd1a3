import { z } from "zod";
import type { TriggerKind } from "../model.js";
import { idSchema } from "./rule.schema.js";

/** Baton's own triggers a bot owner may turn off for their external bot (all on by default). */
export const BOT_TRIGGER_SWITCHES = [
  "explicit_request",
  "keyword",
  "negative_sentiment",
  "high_value",
  "repeated_question",
  "confidence_drop",
] as const satisfies readonly TriggerKind[];
export type BotTriggerSwitch = (typeof BOT_TRIGGER_SWITCHES)[number];

/** An external bot Baton converses through: a signed webhook, or a Rasa REST channel. */
export interface ExternalBotConfig {
  readonly id: string;
  /** "webhook": Baton's signed JSON payload; "rasa": Rasa's REST channel (`/webhooks/rest/webhook`). */
  readonly kind: "webhook" | "rasa";
  /** The webhook URL; for Rasa, the server's base URL (http://rasa:5005). */
  readonly url: string;
  /**
   * Signs every delivery (HMAC-SHA256, header `x-baton-signature`); the bot checks it with
   * src/bot-sdk. Better in the environment: `BATON_BOT_SECRET_<ID>` (see `botSecretVariable`).
   */
  readonly secret: string;
  /** One attempt's time limit. */
  readonly timeoutMs: number;
  /** Attempts after the first for one visitor message. */
  readonly retries: number;
  /** Wait before the first retry; doubled for each next one. */
  readonly backoffMs: number;
  /**
   * Failed attempts in a row (time-outs, errors, refusals; retries count) after which the chat
   * hands off with trigger `bot_unavailable`.
   */
  readonly unavailableAfter: number;
  /** Rasa only: ask `/model/parse` for the intent and its confidence when the reply carries none. */
  readonly parseIntent: boolean;
  /** Baton's triggers for this bot's chats; an absent key is on. */
  readonly triggers: Readonly<Record<BotTriggerSwitch, boolean>>;
}

export interface BotsConfig {
  /** The bot of a widget without a key, or with a key not listed in `sites`. */
  readonly default: string;
  /** Widget key (the script tag's `data-site`) → "builtin", "none" or an external bot's id. */
  readonly sites: Readonly<Record<string, string>>;
  readonly external: readonly ExternalBotConfig[];
}

const triggerSwitches = z
  .strictObject(Object.fromEntries(BOT_TRIGGER_SWITCHES.map((k) => [k, z.boolean().default(true)])) as Record<BotTriggerSwitch, z.ZodDefault<z.ZodBoolean>>)
  .prefault({});

const externalBotSchema = z.strictObject({
  id: idSchema.refine((id) => id !== "builtin" && id !== "none", '"builtin" and "none" are not external bot ids'),
  kind: z.enum(["webhook", "rasa"]),
  url: z.url({ protocol: /^https?$/ }),
  /** "" here: it must come from BATON_BOT_SECRET_<ID> (checked by applyEnvOverrides). */
  secret: z.union([z.literal(""), z.string().min(16, "a bot secret needs at least 16 characters")]).default(""),
  timeoutMs: z.number().int().min(50).max(60_000).default(3000),
  retries: z.number().int().min(0).max(10).default(2),
  backoffMs: z.number().int().min(0).max(60_000).default(250),
  unavailableAfter: z.number().int().min(1).max(100).default(3),
  parseIntent: z.boolean().default(false),
  triggers: triggerSwitches,
}) satisfies z.ZodType<ExternalBotConfig, unknown>;

export const siteKeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "widget keys are letters, digits, . - and _ (64 at most)");

/** `bots:` in config/baton.yaml: which bot answers each site's visitors, and the external bots. */
export const botsSchema = z
  .strictObject({
    default: z.string().min(1).default("builtin"),
    sites: z.record(siteKeySchema, z.string().min(1)).default({}),
    external: z.array(externalBotSchema).default([]),
  })
  .prefault({})
  .superRefine((b, ctx) => {
    const ids = new Set<string>();
    b.external.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: "custom", path: ["external", i, "id"], message: `duplicate bot id "${e.id}"` });
      ids.add(e.id);
    });
    const known = ["builtin", "none", ...ids];
    const check = (bot: string, path: PropertyKey[]) => {
      if (!known.includes(bot)) ctx.addIssue({ code: "custom", path, message: `unknown bot "${bot}" (bots: ${known.join(", ")})` });
    };
    check(b.default, ["default"]);
    for (const [site, bot] of Object.entries(b.sites)) check(bot, ["sites", site]);
  }) satisfies z.ZodType<BotsConfig, unknown>;

/**
 * The bot in charge of a new conversation from the widget with key `site` (or none).
 *
 * @example
 * botForSite({ default: "builtin", sites: { docs: "rasa" }, external: [] }, "docs") // "rasa"
 */
export function botForSite(bots: BotsConfig, site: string | null | undefined): string {
  if (site !== null && site !== undefined && Object.hasOwn(bots.sites, site)) return bots.sites[site] ?? bots.default;
  return bots.default;
}

/**
 * The environment variable that holds an external bot's secret.
 *
 * @example
 * botSecretVariable("shop-rasa") // "BATON_BOT_SECRET_SHOP_RASA"
 */
export function botSecretVariable(id: string): string {
  return `BATON_BOT_SECRET_${id.toUpperCase().replace(/-/g, "_")}`;
}
