import { z } from "zod";
import type { BatonConfig, SmtpConfig, TranslationConfig } from "./baton-config.js";
import { portSchema, storageUrlSchema, trustProxySchema } from "./baton-config.schema.js";
import { botSecretVariable } from "./bots.schema.js";
import { type ConfigIssue, configError } from "./config-issue.js";

/** The environment variables `applyEnvOverrides` reads, and what each sets. */
export const ENV_VARIABLES = {
  BATON_PORT: "server.port",
  BATON_HOST: "server.host",
  BATON_PUBLIC_URL: "server.publicUrl",
  BATON_SESSION_SECRET: "server.sessionSecret",
  /** "false", a hop count ("1"), or comma-separated proxy addresses / CIDRs ("10.0.0.0/8,loopback"). */
  BATON_TRUST_PROXY: "server.trustProxy",
  BATON_STORAGE_URL: "storage.url",
  /** Turns the cluster on (several nodes; needs PostgreSQL storage) with the other cluster settings at their defaults. */
  BATON_REDIS_URL: "cluster.redisUrl",
  BATON_REDIS_PREFIX: "cluster.keyPrefix",
  BATON_LEADER_LEASE_MS: "cluster.leaderLeaseMs",
  BATON_IDENTITY_SECRET: "security.identity.hmacSecret",
  BATON_IDENTITY_JWT_SECRET: "security.identity.jwtSecret",
  BATON_METRICS_TOKEN: "security.metricsToken",
  BATON_ALLOWED_ORIGINS: "security.allowedOrigins",
  BATON_SMTP_HOST: "smtp.host",
  BATON_SMTP_PORT: "smtp.port",
  BATON_SMTP_SECURE: "smtp.secure",
  BATON_SMTP_USER: "smtp.user",
  BATON_SMTP_PASS: "smtp.pass",
  BATON_SMTP_FROM: "smtp.from",
  /** "always-open" opens every team around the clock, holidays too (a demo on a Sunday); "config" keeps the file's hours. */
  BATON_HOURS: "teams[*].calendar",
  BATON_TRANSLATION_PROVIDER: "translation.provider",
  BATON_TRANSLATION_URL: "translation.url",
} as const;
type EnvName = keyof typeof ENV_VARIABLES;

const port = z.coerce.number<string>().pipe(portSchema);
const CHECKS: Readonly<Record<EnvName, z.ZodType<unknown, string>>> = {
  BATON_PORT: port,
  BATON_HOST: z.string().min(1),
  BATON_PUBLIC_URL: z.url(),
  BATON_SESSION_SECRET: z.string().min(16, "needs at least 16 characters"),
  BATON_TRUST_PROXY: z
    .string()
    .transform((v): unknown => (v.trim() === "false" ? false : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v.split(",").map((a) => a.trim()).filter((a) => a !== "")))
    .pipe(trustProxySchema),
  BATON_STORAGE_URL: storageUrlSchema,
  BATON_REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'a "redis://host:6379" URL'),
  BATON_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, "letters, digits and _ : . - only"),
  BATON_LEADER_LEASE_MS: z.coerce.number<string>().int().min(1000).max(120_000),
  BATON_IDENTITY_SECRET: z.string().min(16, "needs at least 16 characters"),
  BATON_IDENTITY_JWT_SECRET: z.string().min(16, "needs at least 16 characters"),
  BATON_METRICS_TOKEN: z.string().min(16, "needs at least 16 characters"),
  BATON_ALLOWED_ORIGINS: z.string().transform((v) => v.split(",").map((o) => o.trim()).filter((o) => o !== "")).pipe(z.array(z.url())),
  BATON_SMTP_HOST: z.string().min(1),
  BATON_SMTP_PORT: port,
  BATON_SMTP_SECURE: z.enum(["true", "false"], 'either "true" or "false"').transform((v) => v === "true"),
  BATON_SMTP_USER: z.string().min(1),
  BATON_SMTP_PASS: z.string().min(1),
  BATON_SMTP_FROM: z.string().min(3),
  BATON_HOURS: z.enum(["config", "always-open"], 'either "config" or "always-open"'),
  BATON_TRANSLATION_PROVIDER: z.enum(["none", "apertium", "libretranslate"], 'one of "none", "apertium", "libretranslate"'),
  BATON_TRANSLATION_URL: z.url(),
};

/** Every day from midnight to midnight. */
const AROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: "00:00", end: "24:00" }));

/**
 * The config with environment variables (see ENV_VARIABLES) laid over it; an empty variable
 * counts as unset. SMTP settings may come from the environment alone: BATON_SMTP_HOST and
 * BATON_SMTP_FROM are then both needed. The input is not changed.
 *
 * @throws DomainError("invalid_config") with one issue per bad variable (path = its name, line null).
 * @example
 * const config = applyEnvOverrides(parseConfig(text), process.env);
 */
export function applyEnvOverrides(config: BatonConfig, env: Readonly<Record<string, string | undefined>>): BatonConfig {
  const issues: ConfigIssue[] = [];
  const get = <T>(name: EnvName): T | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const r = CHECKS[name].safeParse(raw);
    if (r.success) return r.data as T;
    issues.push({ path: name, line: null, message: r.error.issues.map((i) => i.message).join("; ") });
    return undefined;
  };
  const s = config.server;
  const server = {
    port: get<number>("BATON_PORT") ?? s.port,
    host: get<string>("BATON_HOST") ?? s.host,
    publicUrl: get<string>("BATON_PUBLIC_URL") ?? s.publicUrl,
    sessionSecret: get<string>("BATON_SESSION_SECRET") ?? s.sessionSecret,
    trustProxy: get<false | number | string[]>("BATON_TRUST_PROXY") ?? s.trustProxy,
  };
  const storage = { url: get<string>("BATON_STORAGE_URL") ?? config.storage.url };
  const smtp = smtpFrom(config.smtp, {
    host: get<string>("BATON_SMTP_HOST"),
    port: get<number>("BATON_SMTP_PORT"),
    secure: get<boolean>("BATON_SMTP_SECURE"),
    user: get<string>("BATON_SMTP_USER"),
    pass: get<string>("BATON_SMTP_PASS"),
    from: get<string>("BATON_SMTP_FROM"),
  }, issues);
  const teams =
    get<string>("BATON_HOURS") === "always-open"
      ? config.teams.map((t) => ({ ...t, calendar: { ...t.calendar, weekly: AROUND_THE_CLOCK, holidays: [] } }))
      : config.teams;
  const sec = config.security;
  const security = {
    ...sec,
    allowedOrigins: get<string[]>("BATON_ALLOWED_ORIGINS") ?? sec.allowedOrigins,
    metricsToken: get<string>("BATON_METRICS_TOKEN") ?? sec.metricsToken,
    identity: {
      ...sec.identity,
      hmacSecret: get<string>("BATON_IDENTITY_SECRET") ?? sec.identity.hmacSecret,
      jwtSecret: get<string>("BATON_IDENTITY_JWT_SECRET") ?? sec.identity.jwtSecret,
    },
  };
  const translation = {
    ...config.translation,
    provider: get<TranslationConfig["provider"]>("BATON_TRANSLATION_PROVIDER") ?? config.translation.provider,
    url: get<string>("BATON_TRANSLATION_URL") ?? config.translation.url,
  };
  if (translation.provider !== "none" && translation.url === null) {
    issues.push({ path: "BATON_TRANSLATION_URL", line: null, message: `translation provider "${translation.provider}" needs a url` });
  }
  const redisUrl = get<string>("BATON_REDIS_URL");
  const keyPrefix = get<string>("BATON_REDIS_PREFIX");
  const leaderLeaseMs = get<number>("BATON_LEADER_LEASE_MS");
  const base = config.cluster ?? { redisUrl: "", keyPrefix: "baton:", heartbeatMs: 1000, streamMaxLen: 100_000, commandStreamMaxLen: 100_000, leaderLeaseMs: 10_000 };
  const cluster =
    redisUrl === undefined && config.cluster === null
      ? null
      : { ...base, redisUrl: redisUrl ?? base.redisUrl, keyPrefix: keyPrefix ?? base.keyPrefix, leaderLeaseMs: leaderLeaseMs ?? base.leaderLeaseMs };
  if (cluster !== null && !/^postgres(ql)?:/.test(storage.url)) {
    issues.push({ path: "BATON_REDIS_URL", line: null, message: "several nodes share one PostgreSQL store: set BATON_STORAGE_URL to postgres://..." });
  }
  const bots = { ...config.bots, external: config.bots.external.map((b) => ({ ...b, secret: botSecret(b.id, b.secret, env, issues) })) };
  if (issues.length > 0) throw configError("environment", issues);
  return { ...config, server, storage, cluster, smtp, teams, security, translation, bots };
}

/** An external bot's secret: BATON_BOT_SECRET_<ID> over the file's; one of them is needed. */
function botSecret(id: string, fromFile: string, env: Readonly<Record<string, string | undefined>>, issues: ConfigIssue[]): string {
  const name = botSecretVariable(id);
  const value = env[name];
  if (value !== undefined && value !== "") {
    if (value.length >= 16) return value;
    issues.push({ path: name, line: null, message: "needs at least 16 characters" });
    return fromFile;
  }
  if (fromFile === "") issues.push({ path: name, line: null, message: `bot "${id}" has no secret: set ${name} (16+ characters) or bots.external[].secret` });
  return fromFile;
}

type SmtpEnv = { readonly [K in keyof Required<SmtpConfig>]: Required<SmtpConfig>[K] | undefined };

function smtpFrom(base: SmtpConfig | null, env: SmtpEnv, issues: ConfigIssue[]): SmtpConfig | null {
  const given = Object.values(env).some((v) => v !== undefined);
  if (!given) return base;
  const host = env.host ?? base?.host;
  const from = env.from ?? base?.from;
  if (host === undefined) return missing("BATON_SMTP_HOST", base, issues);
  if (from === undefined) return missing("BATON_SMTP_FROM", base, issues);
  return {
    host,
    from,
    port: env.port ?? base?.port ?? 587,
    secure: env.secure ?? base?.secure ?? false,
    user: env.user ?? base?.user,
    pass: env.pass ?? base?.pass,
  };
}

function missing(name: EnvName, base: SmtpConfig | null, issues: ConfigIssue[]): SmtpConfig | null {
  issues.push({ path: name, line: null, message: "SMTP is set in the environment but not in the config: BATON_SMTP_HOST and BATON_SMTP_FROM are both needed" });
  return base;
}
