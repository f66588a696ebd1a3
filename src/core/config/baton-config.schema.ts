import { z } from "zod";
import type { RoutingRule, Team } from "../model.js";
import type { RouterOptions } from "../routing/types.js";
import { DEFAULT_TRIGGER_CONFIG, type TriggerConfig } from "../triggers/trigger-config.js";
import { DEFAULT_WAIT_CONFIG, type WaitConfig } from "../wait/wait-config.js";
import { DEFAULT_REPLY_WITHIN_MINUTES } from "../hours/reply-by.js";
import type { BatonConfig, LimitsConfig, TranslationConfig } from "./baton-config.js";
import { botsSchema } from "./bots.schema.js";
import { calendarSchema } from "./calendar.schema.js";
import { securitySchema } from "./security.schema.js";
import { idSchema, isCatchAll, langSchema, ruleSchema, tierSchema } from "./rule.schema.js";

/** "sqlite:<file>", "sqlite::memory:", or a postgres:// / postgresql:// URL. */
export const storageUrlSchema = z
  .string()
  .refine((u) => /^sqlite:.+/.test(u) || /^postgres(ql)?:\/\/.+/.test(u), 'storage url is "sqlite:<file>" or "postgres://..."');

/** Proxies trusted for X-Forwarded-For: false, a hop count, or addresses / CIDRs (never everyone). */
export const trustProxySchema = z.union([
  z.literal(false),
  z.number().int().min(1).max(10),
  z
    .array(z.string().regex(/^[0-9A-Fa-f:.]+(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/, "an IP address, a CIDR, or loopback / linklocal / uniquelocal"))
    .min(1),
]);

export const portSchema = z.number().int().min(1).max(65535);

export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: portSchema.default(587),
  /** TLS from the start (port 465); false uses STARTTLS when offered. */
  secure: z.boolean().default(false),
  user: z.string().min(1).optional(),
  pass: z.string().min(1).optional(),
  /** Sender, e.g. "Acme Support <support@acme.example>". */
  from: z.string().min(3),
});

const teamSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1).optional(),
    skills: z.array(z.string().min(1)).default([]),
    calendar: calendarSchema,
    replyWithinMinutes: z.number().int().min(1).max(10_080).default(DEFAULT_REPLY_WITHIN_MINUTES),
  })
  .transform((t): Team => ({ ...t, name: t.name ?? t.id }));

const triggersSchema = z
  .strictObject({
    confidenceThreshold: z.number().min(0).max(1).default(DEFAULT_TRIGGER_CONFIG.confidenceThreshold),
    lowConfidenceTurns: z.number().int().min(1).default(DEFAULT_TRIGGER_CONFIG.lowConfidenceTurns),
    negativeSentimentScore: z.number().min(-1).max(1).default(DEFAULT_TRIGGER_CONFIG.negativeSentimentScore),
    frustrationThreshold: z.number().min(0).max(1).default(DEFAULT_TRIGGER_CONFIG.frustrationThreshold),
    repeatSimilarity: z.number().min(0).max(1).default(DEFAULT_TRIGGER_CONFIG.repeatSimilarity),
    repeatSameIntentSimilarity: z.number().min(0).max(1).default(DEFAULT_TRIGGER_CONFIG.repeatSameIntentSimilarity),
    /** Per language; a language given here replaces its default list, others keep theirs. */
    keywords: z
      .record(z.union([langSchema, z.literal("default")]), z.array(z.string().min(1)))
      .default({})
      .transform((k) => ({ ...DEFAULT_TRIGGER_CONFIG.keywords, ...k })),
    /** Per language, like keywords: a language given here replaces its default list. */
    keywordExceptions: z
      .record(z.union([langSchema, z.literal("default")]), z.array(z.string().min(1)))
      .default({})
      .transform((k) => ({ ...DEFAULT_TRIGGER_CONFIG.keywordExceptions, ...k })),
    highValueTiers: z.array(tierSchema).default([...DEFAULT_TRIGGER_CONFIG.highValueTiers]),
  })
  .prefault({}) satisfies z.ZodType<TriggerConfig, unknown>;

const waitSchema = z
  .strictObject({
    bucketsSeconds: z
      .array(z.number().int().positive())
      .refine((b) => b.every((s, i) => i === 0 || s > (b[i - 1] ?? 0)), "buckets must be in increasing order")
      .default([...DEFAULT_WAIT_CONFIG.bucketsSeconds]),
    asyncOfferAboveSeconds: z.number().int().min(0).default(DEFAULT_WAIT_CONFIG.asyncOfferAboveSeconds),
    defaultHandleSeconds: z.number().int().positive().default(DEFAULT_WAIT_CONFIG.defaultHandleSeconds),
  })
  .prefault({}) satisfies z.ZodType<WaitConfig, unknown>;

const routerSchema = z
  .strictObject({
    offers: z
      .strictObject({
        enabled: z.boolean().default(false),
        timeoutSeconds: z.number().int().positive().default(30),
        declineCooloffSeconds: z.number().int().min(0).default(30),
      })
      .prefault({}),
    onAway: z.enum(["keep", "requeue"]).default("keep"),
    onOffline: z.enum(["keep", "requeue"]).default("requeue"),
    /** The waiting guarantee: seconds a queued chat may have no live option before its visitor is offered the async path. */
    asyncOfferWithinSeconds: z.number().int().min(0).max(3600).default(15),
    /** An assigned chat without a first agent message: flagged, then reassigned. null: never. */
    unanswered: z
      .strictObject({ flagAfterSeconds: z.number().int().positive(), reassignAfterSeconds: z.number().int().positive() })
      .refine((u) => u.reassignAfterSeconds >= u.flagAfterSeconds, { message: "reassignAfterSeconds must not come before flagAfterSeconds", path: ["reassignAfterSeconds"] })
      .nullable()
      .default(null),
  })
  .prefault({}) satisfies z.ZodType<RouterOptions, unknown>;

const bucket = (perSecond: number, burst: number) =>
  z.strictObject({ perSecond: z.number().positive().default(perSecond), burst: z.number().int().min(1).default(burst) }).prefault({});

/** Token buckets; the defaults leave a person typing fast, or an office behind one address, untouched. */
const limitsSchema = z
  .strictObject({
    socketFrames: bucket(20, 60),
    ipFrames: bucket(200, 400),
    messages: bucket(1, 5),
    typing: bucket(2, 5),
    connections: bucket(5, 100),
    sessions: bucket(1, 60),
    inboxItems: bucket(0.003, 10),
    transcriptMails: bucket(1 / 600, 3),
    disconnectAfterRefused: z.number().int().min(1).default(50),
    trackedKeys: z.number().int().min(100).default(10_000),
  })
  .prefault({}) satisfies z.ZodType<LimitsConfig, unknown>;

/**
 * Machine translation between visitor and agent (off by default: the embedded default needs
 * nothing). Languages are ISO 639-1 everywhere; the Apertium adapter converts to its 639-3 codes.
 */
export const translationSchema = z
  .strictObject({
    provider: z.enum(["none", "apertium", "libretranslate"]).default("none"),
    /** APY's base URL ("http://127.0.0.1:2737") or a LibreTranslate-compatible API's. */
    url: z.url().nullable().default(null),
    apiKey: z.string().min(1).nullable().default(null),
    /** Longest a message waits for its translation before it goes on untranslated (each HTTP call). */
    timeoutMs: z.number().int().min(50).max(30_000).default(2000),
    /** How often the translator's health and pairs are checked. */
    healthCheckSeconds: z.number().int().min(1).max(3600).default(10),
  })
  .refine((t) => t.provider === "none" || t.url !== null, { message: "a translation provider needs its url", path: ["url"] })
  .prefault({}) satisfies z.ZodType<TranslationConfig, unknown>;

/** The whole config file (config/baton.yaml). Unknown keys are errors: a typo never passes silently. */
export const batonConfigSchema = z
  .strictObject({
    server: z
      .strictObject({
        port: portSchema.default(3000),
        host: z.string().min(1).default("127.0.0.1"),
        /** Where visitors and agents reach Baton; used in e-mail links and the widget snippet. */
        publicUrl: z.url().default("http://localhost:3000"),
        /** Signs session tokens. null: the server makes a random one per process (sessions end on restart). */
        sessionSecret: z.string().min(16, "sessionSecret needs at least 16 characters").nullable().default(null),
        /** Proxies trusted for X-Forwarded-For: false, a hop count, or addresses / CIDRs (never everyone). */
        trustProxy: trustProxySchema.default(false),
      })
      .prefault({}),
    storage: z.strictObject({ url: storageUrlSchema.default("sqlite:data/baton.db") }).prefault({}),
    /** Absent or null: one node (the default). See ClusterConfig. */
    cluster: z
      .strictObject({
        redisUrl: z.string().regex(/^rediss?:\/\/.+/, 'redisUrl is "redis://host:6379" or "rediss://..."'),
        keyPrefix: z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, "letters, digits and _ : . - only").default("baton:"),
        heartbeatMs: z.number().int().min(100).max(60_000).default(1000),
        streamMaxLen: z.number().int().min(1000).default(100_000),
        commandStreamMaxLen: z.number().int().min(1000).default(100_000),
        leaderLeaseMs: z.number().int().min(1000).max(120_000).default(10_000),
      })
      .nullable()
      .default(null),
    /** Absent or null: async replies are logged, not mailed. */
    smtp: smtpSchema.nullable().default(null),
    crm: z.strictObject({ webhookUrl: z.url().nullable().default(null) }).prefault({}),
    router: routerSchema,
    triggers: triggersSchema,
    priority: z
      .strictObject({ negativeSentimentBoost: z.number().int().default(20), vipBoost: z.number().int().default(0) })
      .prefault({}),
    wait: waitSchema,
    transfers: z
      .strictObject({
        toOfflineAgent: z.enum(["wait", "refuse"]).default("wait"),
        fallbackToTeamAfterSeconds: z.number().int().min(0).max(86_400).default(60),
      })
      .prefault({}),
    teams: z.array(teamSchema).min(1, "define at least one team"),
    rules: z.array(ruleSchema).min(1, "define at least one rule"),
    bot: z
      .strictObject({
        corpusFile: z.string().min(1).default("config/bot-corpus.yaml"),
        resolveWhenIdleSeconds: z.number().int().min(0).max(86_400).default(0),
      })
      .prefault({}),
    bots: botsSchema,
    limits: limitsSchema,
    security: securitySchema,
    translation: translationSchema,
  })
  .superRefine((cfg, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (cfg.cluster !== null && !/^postgres(ql)?:/.test(cfg.storage.url)) {
      issue(["cluster"], "several nodes share one PostgreSQL store: set storage.url to postgres://...");
    }
    for (const x of crossReferenceIssues(cfg)) issue([...x.path], x.message);
    let catchAll: RoutingRule | null = null;
    cfg.rules.forEach((r, i) => {
      if (catchAll !== null) issue(["rules", i], `unreachable: rule "${catchAll.id}" before it has no conditions and matches everything`);
      else if (isCatchAll(r)) catchAll = r;
    });
    if (catchAll === null && cfg.rules.length > 0) {
      issue(["rules"], "the last rule must be a catch-all (no `when`), so every handoff has a rule");
    }
  }) satisfies z.ZodType<BatonConfig, unknown>;


/**
 * Duplicate ids and unknown teams, read from the raw YAML data with no type assumed: they are
 * checked even when the schema fails elsewhere (a type error never hides an unknown team).
 * @example
 * crossReferenceIssues({ teams: [{ id: "billing" }], rules: [{ id: "r", target: { team: "sales" } }] });
 * // [{ path: ["rules", 0, "target", "team"], message: 'unknown team "sales" (teams: billing)' }]
 */
export function crossReferenceIssues(data: unknown): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const root = obj(data);
  const teams = new Set<string>();
  list(root.teams).forEach((t, i) => {
    const id = obj(t).id;
    if (typeof id !== "string") return;
    if (teams.has(id)) out.push({ path: ["teams", i, "id"], message: `duplicate team id "${id}"` });
    teams.add(id);
  });
  const known = [...teams].join(", ");
  const ruleIds = new Set<string>();
  list(root.rules).forEach((r, i) => {
    const rule = obj(r);
    if (typeof rule.id === "string") {
      if (ruleIds.has(rule.id)) out.push({ path: ["rules", i, "id"], message: `duplicate rule id "${rule.id}"` });
      ruleIds.add(rule.id);
    }
    const team = obj(rule.target).team;
    if (typeof team === "string" && !teams.has(team)) out.push({ path: ["rules", i, "target", "team"], message: `unknown team "${team}" (teams: ${known})` });
    list(rule.escalation).forEach((step, j) => {
      const action = obj(obj(step).action);
      if (action.kind === "widen_team" && typeof action.team === "string" && !teams.has(action.team)) {
        out.push({ path: ["rules", i, "escalation", j, "action", "team"], message: `unknown team "${action.team}" (teams: ${known})` });
      }
    });
  });
  return out;
}
