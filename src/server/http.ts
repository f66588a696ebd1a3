import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import {
  type Engine,
  openConversation,
  postBotTurn,
  presentMessage,
  presentTranscript,
  queueFor,
  requestBotHandoff,
  startVisitorSession,
  takeConversation,
} from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import { explainMatch } from "../core/rules/index.js";
import { parseScenario, renderHtml, simulate } from "../sim/index.js";
import { type TokenSigner, verifyPassword } from "./auth.js";
import { toErrorResponse } from "./error-handler.js";
import type { RateLimits } from "./rate-limits.js";
import { AssignBody, BotHandoffBody, BotTurnBody, ConfigBody, IdParams, RangeQuery, RuleMatchBody, SimulateBody } from "./http.schema.js";
import { AgentLoginBody, VisitorSessionBody } from "./protocol.js";
import { parseInput } from "./validate.js";

export interface HttpOptions {
  readonly tokens: TokenSigner;
  /** New visitor sessions per IP (null: unlimited). */
  readonly limits?: RateLimits | null;
  /** Key external bots send as "Authorization: Bearer <key>". */
  readonly botApiKey: string;
  /** Where the shipped what-if scenarios live (config/scenarios). */
  readonly scenarioDir: string;
  /** Built web assets (widget.js, console, admin, demo page). */
  readonly webRoot: string | null;
  /** Admin config edits: validate and persist the YAML. */
  readonly saveConfig: (yaml: string) => Promise<void>;
  readonly readConfigText: () => Promise<string>;
  readonly seamReport: (from: number, to: number, format: "json" | "csv") => Promise<unknown>;
  readonly prometheus: () => Promise<{ contentType: string; body: string }>;
}

const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input" });

/** The HTTP API (OpenAPI at /docs), the static web surfaces, and health/metrics endpoints. */
export async function buildHttp(engine: Engine, opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1_000_000 });
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
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  const agentOf = async (req: FastifyRequest): Promise<AgentProfile> => {
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, "");
    if (!token) throw new DomainError("unauthenticated", "send Authorization: Bearer <token> from /api/agent/login");
    const claims = opts.tokens.verify(token, engine.now());
    if (claims.kind !== "agent") throw new DomainError("unauthenticated", "not an agent token");
    const stored = await engine.deps.agents.getAgent(claims.agentId);
    if (stored === null) throw new DomainError("unauthenticated", "this agent no longer exists");
    return stored.profile;
  };
  const adminOf = async (req: FastifyRequest): Promise<AgentProfile> => {
    const a = await agentOf(req);
    if (a.role !== "admin") throw new DomainError("forbidden", "admins only");
    return a;
  };
  const botOf = (req: FastifyRequest): void => {
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, "");
    if (token !== opts.botApiKey) throw new DomainError("unauthenticated", "send Authorization: Bearer <bot API key>");
  };

  app.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true, queued: engine.router.queueLength }));

  app.post(
    "/api/visitor/session",
    { schema: { tags: ["visitor"], summary: "Open or resume the widget's conversation; returns a session token for the /visitor socket", body: doc(VisitorSessionBody) } },
    async (req) => {
      opts.limits?.session(req.ip);
      const body = parseInput(VisitorSessionBody, req.body);
      let resume: { visitorId: string; conversationId: string } | null = null;
      if (body.token !== undefined) {
        try {
          const claims = opts.tokens.verify(body.token, engine.now());
          if (claims.kind === "visitor") resume = claims;
        } catch {
          resume = null; // an expired token starts a fresh session
        }
      }
      const session = await engine.command(() =>
        startVisitorSession(engine, {
          visitorId: resume?.visitorId ?? body.visitorId,
          conversationId: resume?.conversationId,
          page: body.page,
          locale: body.locale,
          timeZone: body.timeZone,
          email: body.email,
          customerId: body.customerId,
        }),
      );
      const token = opts.tokens.sign({ kind: "visitor", visitorId: session.visitorId, conversationId: session.conversation.id }, engine.now());
      return {
        token,
        visitorId: session.visitorId,
        conversationId: session.conversation.id,
        status: session.status,
        messages: await presentTranscript(engine, session.messages),
        inbox: session.inbox,
      };
    },
  );

  app.post("/api/agent/login", { schema: { tags: ["agent"], summary: "Sign in; returns a token for the /agent socket and the API", body: doc(AgentLoginBody) } }, async (req) => {
    const body = parseInput(AgentLoginBody, req.body);
    const stored = await engine.deps.agents.findAgentByEmail(body.email);
    if (stored === null || !(await verifyPassword(body.password, stored.passwordHash))) {
      throw new DomainError("unauthenticated", "wrong e-mail or password");
    }
    return { token: opts.tokens.sign({ kind: "agent", agentId: stored.profile.id }, engine.now()), agent: stored.profile };
  });

  app.get("/api/agent/me", { schema: { tags: ["agent"], summary: "The signed-in agent, presence and load", security: [{ bearer: [] }] } }, async (req) => {
    const me = await agentOf(req);
    const live = engine.router.agent(me.id);
    return { agent: me, presence: live?.presence ?? "offline", load: { active: live?.active.length ?? 0, cap: me.cap } };
  });

  app.get("/api/agent/queue", { schema: { tags: ["agent"], summary: "Queued chats of the agent's teams, best first", security: [{ bearer: [] }] } }, async (req) =>
    queueFor(engine, await agentOf(req)),
  );

  app.get("/api/agents", { schema: { tags: ["agent"], summary: "Colleagues, for the transfer dialog", security: [{ bearer: [] }] } }, async (req) => {
    await agentOf(req);
    return (await engine.deps.agents.listAgents()).map((a) => {
      const live = engine.router.agent(a.profile.id);
      const { id, name, teams, skills, languages, role, senior, translationEnabled, cap } = a.profile;
      return { id, name, role, teams, skills, languages, senior, translationEnabled, presence: live?.presence ?? a.presence, load: { active: live?.active.length ?? 0, cap } };
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

  // ---------- Bot API ----------
  app.post(
    "/api/bot/conversations/:id/turns",
    {
      schema: {
        tags: ["bot"],
        summary: "An external bot's reply, with the intent and confidence it read",
        description: 'Example: `{ "text": "Your order ships tomorrow.", "intent": "orders.status", "confidence": 0.92 }`',
        params: doc(IdParams),
        body: doc(BotTurnBody),
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      botOf(req);
      const { id } = parseInput(IdParams, req.params);
      const body = parseInput(BotTurnBody, req.body);
      const m = await engine.command(() => postBotTurn(engine, { conversationId: id, ...body }));
      return presentMessage(m, "Bot");
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
      return engine.command(() => requestBotHandoff(engine, { conversationId: id, ...body }));
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
      const bundle = parseScenario(body.yaml, "scenario.yaml", (p) => readFileSync(resolve(opts.scenarioDir, p), "utf8"));
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
      await engine.command(() => takeConversation(engine, { conversationId: id, agentId, by: "admin" }));
      return { conversationId: id, agentId };
    },
  );

  app.get("/api/admin/inbox", { schema: { tags: ["admin"], summary: "Async inbox items", security: [{ bearer: [] }] } }, async (req) => {
    await agentOf(req);
    return engine.deps.store.listInbox({});
  });

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
  app.get("/metrics", { schema: { hide: true } }, async (_req, reply) => {
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
