import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import type { Redis } from "ioredis";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { type TrustProxy, trustFunction } from "./client-address.js";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { type Engine, inboxFor, openConversation } from "../app/index.js";
import type { Dispatcher } from "./commands.js";
import { explainMatch } from "../core/rules/index.js";
import { parseScenario, renderHtml, simulate } from "../sim/index.js";
import type { Access } from "./access.js";
import { botRoutes, botSchemas, SIGNATURE_DOC } from "./bots.routes.js";
import { attachmentRoutes } from "./attachment.routes.js";
import type { AttachmentsConfig } from "./attachments.config.js";
import { deskRoutes } from "./desk.routes.js";
import { readScenarioFile } from "./scenario-files.js";
import { type SessionRouteOptions, sessionRoutes } from "./session.routes.js";
import { toErrorResponse } from "./error-handler.js";
import type { RateLimits } from "./rate-limits.js";
import { AssignBody, BotHandoffBody, BotTurnBody, ConfigBody, IdParams, RangeQuery, RuleMatchBody, SimulateBody } from "./http.schema.js";
import { parseInput } from "./validate.js";

export interface HttpOptions {
  /** Who is calling: agent and admin tokens, the Bot API key, the metrics token. */
  readonly access: Access;
  /** Proxies trusted to name the client (X-Forwarded-For) in `req.ip`: config `server.trustProxy`. */
  readonly trustProxy?: TrustProxy;
  /** Where router commands run: here, or at the cluster's router leader. */
  readonly dispatch: Dispatcher;
  readonly sessions: Omit<SessionRouteOptions, "access" | "dispatch">;
  /** Origins whose pages may call the visitor API (the widget on a customer's site): publicUrl and security.allowedOrigins. */
  readonly widgetOrigins: readonly string[];
  /** Is the database answering? (/healthz) */
  readonly databaseUp: () => Promise<boolean>;
  /** Whether this node's router is the one that routes (always, on one node). */
  readonly leads: () => boolean;
  /** New visitor sessions per IP (null: unlimited). */
  readonly limits?: RateLimits | null;
  /** A cluster's Redis for the HTTP rate limits (sign-ins, uploads per address); null: this node's memory. */
  readonly sharedLimits?: { readonly redis: Redis; readonly keyPrefix: string } | null;
  /** Where the shipped what-if scenarios live (config/scenarios). */
  readonly scenarioDir: string;
  /** Files outside it a scenario may name (the running config and the demo seed), by their path relative to scenarioDir. */
  readonly scenarioRefs: Readonly<Record<string, string>>;
  /** Built web assets (widget.js, console, admin, demo page). */
  readonly webRoot: string | null;
  /** Admin config edits: validate and persist the YAML. */
  readonly saveConfig: (yaml: string) => Promise<void>;
  readonly readConfigText: () => Promise<string>;
  readonly seamReport: (from: number, to: number, format: "json" | "csv") => Promise<unknown>;
  readonly prometheus: () => Promise<{ contentType: string; body: string }>;
  /** Attachment limits (BATON_ATTACHMENTS_*). */
  readonly attachments: AttachmentsConfig;
}

const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input" });

/** The HTTP API (OpenAPI at /docs), the static web surfaces, and health/metrics endpoints. */
export async function buildHttp(engine: Engine, opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1_000_000, trustProxy: trustFunction(opts.trustProxy ?? false) });
  // Every route, as registered: the authorization matrix test reads this list.
  const routes: { method: string; url: string }[] = [];
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) if (method !== "HEAD") routes.push({ method, url: r.url });
  });
  app.decorate("batonRoutes", routes);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // preact sets element styles through the CSSOM; the widget's shadow DOM and uPlot add <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Baton may be served over plain http (a demo on localhost); TLS is the proxy's business.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: "deny" },
    // The widget script is loaded by other sites' pages.
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
  // In a cluster the per-address limits are counted in Redis, once for every node behind the balancer.
  const shared = opts.sharedLimits ?? null;
  await app.register(fastifyRateLimit, {
    global: false,
    ...(shared === null ? {} : { redis: shared.redis, nameSpace: `${shared.keyPrefix}rate-limit:`, skipOnError: true }),
  });
  // Cross-origin calls only to the visitor API, and only from the widget's configured origins.
  const widgetOrigins = [...opts.widgetOrigins];
  await app.register(fastifyCors, () => (req: FastifyRequest, cb: (error: Error | null, options: { origin: string[] | false; methods?: string[]; allowedHeaders?: string[]; maxAge?: number }) => void) =>
    cb(
      null,
      req.url.startsWith("/api/visitor/")
        ? { origin: widgetOrigins, methods: ["POST"], allowedHeaders: ["content-type", "authorization"], maxAge: 600 }
        : { origin: false },
    ),
  );
  // Bodies are parsed with zod in each handler (one error format); the JSON schemas are for /docs.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setErrorHandler((err, _req, reply) => {
    const { status, body } = toErrorResponse(err, engine.deps.log);
    const retryAfterMs = (body.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
    if (typeof retryAfterMs === "number") void reply.header("retry-after", String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ code: "not_found", message: `no route ${req.method} ${req.url}` });
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "Baton API", version: "1.0.0", description: "Live-chat handoff: visitor sessions, agent sign-in, the Bot API, admin and metrics." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: botSchemas() as never },
      tags: [{ name: "bot", description: `The Bot API (bearer: the bot key) and external bots. ${SIGNATURE_DOC}` }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  const { access } = opts;
  const agentOf = access.agent;
  const adminOf = access.admin;
  const botOf = access.bot;

  app.get("/healthz", { schema: { hide: true } }, async (_req, reply) => {
    const database = await opts.databaseUp();
    void reply.status(database ? 200 : 503);
    // In a cluster only the leader's router holds the queue: a follower reports null.
    return { ok: database, database: database ? "up" : "down", queued: opts.leads() ? engine.router.queueLength : null };
  });

  sessionRoutes(app, engine, { ...opts.sessions, access, limits: opts.limits ?? null, dispatch: opts.dispatch });
  botRoutes(app, engine, { access, readConfigText: opts.readConfigText, saveConfig: opts.saveConfig });

  app.get("/api/agent/me", { schema: { tags: ["agent"], summary: "The signed-in agent, presence and load", security: [{ bearer: [] }] } }, async (req) => {
    const me = await agentOf(req);
    const [live] = await opts.dispatch.run("agent:live", { agentIds: [me.id] });
    return { agent: me, presence: live?.presence ?? "offline", load: { active: live?.active ?? 0, cap: me.cap } };
  });

  app.get("/api/agent/queue", { schema: { tags: ["agent"], summary: "Queued chats of the agent's teams, best first", security: [{ bearer: [] }] } }, async (req) =>
    opts.dispatch.run("agent:queue", { agentId: (await agentOf(req)).id }),
  );

  app.get("/api/agents", { schema: { tags: ["agent"], summary: "Colleagues, for the transfer dialog", security: [{ bearer: [] }] } }, async (req) => {
    await agentOf(req);
    const agents = await engine.deps.agents.listAgents();
    const live = new Map((await opts.dispatch.run("agent:live", { agentIds: agents.map((a) => a.profile.id) })).map((l) => [l.id, l]));
    return agents.map((a) => {
      const l = live.get(a.profile.id);
      const { id, name, teams, skills, languages, role, senior, translationEnabled, cap } = a.profile;
      return { id, name, role, teams, skills, languages, senior, translationEnabled, presence: l?.presence ?? a.presence, load: { active: l?.active ?? 0, cap } };
    });
  });

  app.get("/api/teams", { schema: { tags: ["agent"], summary: "Teams and their hours" } }, async () =>
    engine.config.teams.map((t) => ({ id: t.id, name: t.name, skills: t.skills, calendar: t.calendar })),
  );

  app.get(
    "/api/conversations/:id/context",
    { schema: { tags: ["agent"], summary: "The handoff context payload (HandoffContextV1)", params: doc(IdParams), security: [{ bearer: [] }] } },
    async (req) => openConversation(engine, await agentOf(req), parseInput(IdParams, req.params).id),
  );

  deskRoutes(app, engine, access);
  await attachmentRoutes(app, engine, access, opts.attachments);

  // ---------- Bot API ----------
  app.post(
    "/api/bot/conversations/:id/turns",
    {
      schema: {
        tags: ["bot"],
        summary: "An external bot's reply, with the intent and confidence it read, and quick replies",
        description:
          'Example: `{ "text": "Your order ships tomorrow.", "intent": "orders.status", "confidence": 0.92, "buttons": [{ "title": "Thanks!", "payload": "/thanks" }] }`. ' +
          "A confidence below triggers.confidenceThreshold on triggers.lowConfidenceTurns turns in a row hands the chat off (confidence_drop).",
        params: doc(IdParams),
        body: doc(BotTurnBody),
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      botOf(req);
      const { id } = parseInput(IdParams, req.params);
      const body = parseInput(BotTurnBody, req.body);
      return opts.dispatch.run("bot:turn", { conversationId: id, ...body });
    },
  );
  app.post(
    "/api/bot/conversations/:id/handoff",
    {
      schema: {
        tags: ["bot"],
        summary: "An external bot asks for a human, handing over what it collected",
        description:
          'Example: `{ "reason": "customer disputes a charge", "topic": "billing", "intent": "billing.dispute", "confidence": 0.41, "fields": { "invoice_number": "INV-2041" } }`',
        params: doc(IdParams),
        body: doc(BotHandoffBody),
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      botOf(req);
      const { id } = parseInput(IdParams, req.params);
      const body = parseInput(BotHandoffBody, req.body);
      return opts.dispatch.run("bot:handoff", { conversationId: id, ...body });
    },
  );

  // ---------- admin ----------
  app.get("/api/admin/config", { schema: { tags: ["admin"], summary: "The running config (parsed) and its YAML text", security: [{ bearer: [] }] } }, async (req) => {
    await adminOf(req);
    const { rules, teams, triggers, wait, router, priority } = engine.config;
    return { rules, teams, triggers, wait, router, priority, yaml: await opts.readConfigText() };
  });
  app.put("/api/admin/config", { schema: { tags: ["admin"], summary: "Replace the config YAML (validated; errors name path and line)", body: doc(ConfigBody), security: [{ bearer: [] }] } }, async (req) => {
    await adminOf(req);
    await opts.saveConfig(parseInput(ConfigBody, req.body).yaml);
    // Router options are live too (the engine hands them to the router): the reply shows those in force.
    return { ok: true, rules: engine.config.rules.length, router: engine.router.options };
  });
  app.post("/api/admin/rules/match", { schema: { tags: ["admin"], summary: "Which rule a conversation with these facts would match, and why", body: doc(RuleMatchBody), security: [{ bearer: [] }] } }, async (req) => {
    await adminOf(req);
    return explainMatch(engine.config.rules, parseInput(RuleMatchBody, req.body));
  });
  app.get("/api/admin/scenarios", { schema: { tags: ["admin"], summary: "The shipped what-if scenarios (YAML)", security: [{ bearer: [] }] } }, async (req) => {
    await adminOf(req);
    const files = (await readdir(opts.scenarioDir)).filter((f) => f.endsWith(".yaml")).sort();
    return Promise.all(files.map(async (file) => ({ file, yaml: await readFile(join(opts.scenarioDir, file), "utf8") })));
  });
  app.post(
    "/api/admin/simulate",
    {
      schema: {
        tags: ["admin"],
        summary: "Run a what-if scenario (a window of up to 8 hours) against Baton's router, round-robin, least-busy and the Erlang-C bound",
        body: doc(SimulateBody),
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      await adminOf(req);
      const body = parseInput(SimulateBody, req.body);
      const bundle = parseScenario(body.yaml, "scenario.yaml", (p) => readScenarioFile(opts.scenarioDir, opts.scenarioRefs, p));
      const start = body.startTime === undefined ? {} : { start: `${bundle.scenario.start.slice(0, 10)}T${body.startTime}` };
      const report = simulate(bundle, { durationHours: body.hours, ...start, ...(body.seed === undefined ? {} : { seed: body.seed }) });
      return { report, html: renderHtml(report) };
    },
  );
  app.post(
    "/api/admin/conversations/:id/assign",
    {
      schema: {
        tags: ["admin"],
        summary: "Assign a queued chat to an agent below their cap (the explanation says it was assigned by hand)",
        params: doc(IdParams),
        body: doc(AssignBody),
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      await adminOf(req);
      const { id } = parseInput(IdParams, req.params);
      const { agentId } = parseInput(AssignBody, req.body);
      await opts.dispatch.run("agent:take", { conversationId: id, agentId, by: "admin" });
      return { conversationId: id, agentId };
    },
  );

  app.get("/api/admin/inbox", { schema: { tags: ["admin"], summary: "Async inbox items of the agent's teams (all for admins)", security: [{ bearer: [] }] } }, async (req) =>
    inboxFor(engine, await agentOf(req), {}),
  );

  // ---------- measurement ----------
  const range = (req: FastifyRequest) => {
    const q = parseInput(RangeQuery, req.query);
    const to = q.to ?? engine.now() + 1;
    return { from: q.from ?? to - 30 * 24 * 3600 * 1000, to };
  };
  app.get("/api/metrics/seam", { schema: { tags: ["metrics"], summary: "Seam report (JSON) for [from, to) in epoch ms (admins)", querystring: doc(RangeQuery), security: [{ bearer: [] }] } }, async (req) => {
    await adminOf(req);
    const { from, to } = range(req);
    return opts.seamReport(from, to, "json");
  });
  app.get("/api/metrics/seam.csv", { schema: { tags: ["metrics"], summary: "Seam report as CSV (admins)", querystring: doc(RangeQuery), security: [{ bearer: [] }] } }, async (req, reply) => {
    await adminOf(req);
    const { from, to } = range(req);
    void reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="baton-seam-${from}-${to}.csv"`);
    return opts.seamReport(from, to, "csv");
  });
  app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    access.metrics(req);
    const { contentType, body } = await opts.prometheus();
    void reply.header("content-type", contentType);
    return body;
  });

  if (opts.webRoot !== null && existsSync(opts.webRoot)) {
    await app.register(fastifyStatic, { root: opts.webRoot, prefix: "/", index: ["index.html"] });
  } else {
    app.get("/", { schema: { hide: true } }, async (_req, reply) =>
      reply.type("text/html").send("<h1>Baton</h1><p>The web surfaces are not built: run <code>npm run build:web</code>. API docs: <a href=\"/docs\">/docs</a>.</p>"),
    );
  }
  return app;
}
