import type { FastifyRequest } from "fastify";
import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import { type SessionTokens, sameSecret, type VerifiedClaims } from "./auth.js";

/** The bearer token of a request, if any. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== "string") return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
  return m?.[1];
}

/** The request guards every route uses: who is calling, and may they. */
export interface Access {
  /** The signed-in agent (or admin); 401 otherwise. */
  agent(req: FastifyRequest): Promise<AgentProfile>;
  /** The agent's verified token claims too (for sign-out). */
  agentSession(req: FastifyRequest): Promise<{ profile: AgentProfile; claims: Extract<VerifiedClaims, { kind: "agent" }> }>;
  /** An admin; 403 for other agents. */
  admin(req: FastifyRequest): Promise<AgentProfile>;
  /** The visitor's session claims. */
  visitor(req: FastifyRequest): Promise<Extract<VerifiedClaims, { kind: "visitor" }>>;
  /** The Bot API key, compared in constant time. */
  bot(req: FastifyRequest): void;
  /** The /metrics token; `not_found` when /metrics is disabled. */
  metrics(req: FastifyRequest): void;
}

export function createAccess(engine: Engine, tokens: SessionTokens, keys: { botApiKey: string; metricsToken: string | null }): Access {
  const agentSession: Access["agentSession"] = async (req) => {
    const token = bearerOf(req);
    if (token === undefined) throw new DomainError("unauthenticated", "send Authorization: Bearer <token> from /api/agent/login");
    const claims = await tokens.verify(token, engine.now(), "agent");
    const stored = await engine.deps.agents.getAgent(claims.agentId);
    if (stored === null) throw new DomainError("unauthenticated", "this agent no longer exists");
    return { profile: stored.profile, claims };
  };
  const agent: Access["agent"] = async (req) => (await agentSession(req)).profile;
  return {
    agent,
    agentSession,
    async admin(req) {
      const a = await agent(req);
      if (a.role !== "admin") throw new DomainError("forbidden", "admins only");
      return a;
    },
    async visitor(req) {
      const token = bearerOf(req);
      if (token === undefined) throw new DomainError("unauthenticated", "send Authorization: Bearer <visitor session token>");
      return tokens.verify(token, engine.now(), "visitor");
    },
    bot(req) {
      if (!sameSecret(bearerOf(req), keys.botApiKey)) throw new DomainError("unauthenticated", "send Authorization: Bearer <bot API key>");
    },
    metrics(req) {
      if (keys.metricsToken === null) throw new DomainError("not_found", "metrics are disabled: set security.metricsToken (BATON_METRICS_TOKEN)");
      if (!sameSecret(bearerOf(req), keys.metricsToken)) throw new DomainError("unauthenticated", "send Authorization: Bearer <metrics token>");
    },
  };
}
