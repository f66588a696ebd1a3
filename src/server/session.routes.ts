import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type Engine, presentTranscript } from "../app/index.js";
import type { Dispatcher } from "./commands.js";
import { DomainError } from "../core/errors.js";
import type { Access } from "./access.js";
import { checkLogin, type SessionTokens } from "./auth.js";
import { AgentLoginBody, VisitorSessionBody } from "./protocol.js";
import type { RateLimits } from "./rate-limits.js";
import type { ResumeTokens } from "./resume-tokens.js";
import { parseInput } from "./validate.js";
import type { IdentityVerifier } from "./visitor-identity.js";
import { type LoginThrottle, MemoryLoginThrottle } from "./login-throttle.js";
import { deviceFromUserAgent } from "./user-agent.js";

export interface SessionRouteOptions {
  readonly tokens: SessionTokens;
  readonly resume: ResumeTokens;
  readonly identity: IdentityVerifier;
  readonly access: Access;
  /** Where router commands run: here, or at the cluster's router leader. */
  readonly dispatch: Dispatcher;
  /** New visitor sessions per IP (null: unlimited). */
  readonly limits?: RateLimits | null;
  readonly login: { readonly perIpPerMinute: number; readonly perAccountPerMinute: number };
  /** Failed sign-ins per account: the cluster's shared one (Redis); absent, this node's own memory. */
  readonly loginThrottle?: LoginThrottle;
  /** Called when a session is signed out, so its open sockets close. */
  readonly onSignOut: (jti: string) => Promise<void>;
}

const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input" });

/** Visitor sessions (resume token, identity proof) and agent sign-in / sign-out. */
export function sessionRoutes(app: FastifyInstance, engine: Engine, opts: SessionRouteOptions): void {
  app.post(
    "/api/visitor/session",
    {
      schema: {
        tags: ["visitor"],
        summary: "Open or resume the widget's conversation; returns a session token for the /visitor socket and a new resume token",
        description:
          "Resuming needs the `resumeToken` of the previous reply (rotated on every call; the old one works 60 more seconds). " +
          "A customer record attaches only with proof: `userHash` (HMAC-SHA256 of customerId or email with the site's identity secret) or `identityToken` (a JWT signed by the site's backend).",
        body: doc(VisitorSessionBody),
      },
    },
    async (req) => {
      opts.limits?.session(req.ip);
      const body = parseInput(VisitorSessionBody, req.body);
      const now = engine.now();
      const found = await opts.resume.find(body.resumeToken, now);
      const who = await opts.identity.verify(body, now);
      const session = await opts.dispatch.run("visitor:session", {
        visitorId: found?.visitorId,
        conversationId: found?.conversationId,
        page: body.page,
        locale: body.locale,
        timeZone: body.timeZone,
        site: body.site,
        ...(who.verified ? { email: who.email, customerId: who.customerId } : { claimedEmail: who.claimedEmail ?? undefined }),
      });
      const conversationId = session.conversation.id;
      const device = deviceFromUserAgent(session.visitorId, req.headers["user-agent"], engine.now());
      if (device !== null) await engine.deps.desk.saveVisitorDevice(device);
      const token = await opts.tokens.sign({ kind: "visitor", visitorId: session.visitorId, conversationId }, engine.now());
      const resume = await opts.resume.issue(found, session.visitorId, conversationId, engine.now());
      return {
        token,
        resumeToken: resume.token,
        resumeExpiresAt: resume.expiresAt,
        identity: who.verified ? "verified" : who.claimedEmail === null ? "anonymous" : "unverified",
        visitorId: session.visitorId,
        conversationId,
        status: session.status,
        messages: await presentTranscript(engine, session.messages),
        inbox: session.inbox,
      };
    },
  );

  app.post(
    "/api/visitor/signout",
    { schema: { tags: ["visitor"], summary: "Forget this visitor session: its token and every resume token of its conversation stop working", security: [{ bearer: [] }] } },
    async (req) => {
      const claims = await opts.access.visitor(req);
      await opts.tokens.revoke(claims.jti, claims.expiresAt, engine.now());
      await opts.resume.revoke(claims.conversationId);
      await opts.onSignOut(claims.jti);
      return { ok: true };
    },
  );

  const perIp = app.rateLimit({
    max: opts.login.perIpPerMinute,
    timeWindow: 60_000,
    groupId: "login-ip",
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) => new DomainError("rate_limited", `too many sign-in attempts from this address; try again in ${ctx.after}`),
  });
  const throttle = opts.loginThrottle ?? new MemoryLoginThrottle(opts.login.perAccountPerMinute);
  app.post(
    "/api/agent/login",
    {
      schema: {
        tags: ["agent"],
        summary: "Sign in; returns a token for the /agent socket and the API",
        description:
          "Limited per client address (every attempt) and per account (failed attempts), answering 429 `rate_limited`. " +
          "An unknown e-mail and a wrong password answer alike, in the same time.",
        body: doc(AgentLoginBody),
      },
      preHandler: perIp,
    },
    async (req) => {
      const body = parseInput(AgentLoginBody, req.body);
      await throttle.check(body.email, engine.now());
      const stored = await engine.deps.agents.findAgentByEmail(body.email);
      if (!(await checkLogin(body.password, stored?.passwordHash ?? null)) || stored === null) {
        await throttle.failed(body.email, engine.now());
        throw new DomainError("unauthenticated", "wrong e-mail or password");
      }
      return { token: await opts.tokens.sign({ kind: "agent", agentId: stored.profile.id }, engine.now()), agent: stored.profile };
    },
  );

  app.post(
    "/api/agent/logout",
    { schema: { tags: ["agent"], summary: "Sign out: this token stops working, and the consoles using it are disconnected", security: [{ bearer: [] }] } },
    async (req) => {
      const { claims } = await opts.access.agentSession(req);
      await opts.tokens.revoke(claims.jti, claims.expiresAt, engine.now());
      await opts.onSignOut(claims.jti);
      return { ok: true };
    },
  );
}
