import { DomainError } from "../core/errors.js";
import type { Presence } from "../core/model.js";
import { applyRouterEffects, publishAgentLoad } from "./apply-router-effects.js";
import type { Engine } from "./engine.js";

/** An agent goes online, away or offline: the router takes or returns chats as configured. */
export async function setAgentPresence(engine: Engine, agentId: string, presence: Presence): Promise<void> {
  const stored = await engine.deps.agents.getAgent(agentId);
  if (stored === null) throw new DomainError("agent_not_found", `no agent ${agentId}`);
  await engine.deps.agents.setPresence(agentId, presence);
  if (engine.router.agent(agentId) === null) engine.invalidateProfiles();
  if (engine.router.agent(agentId) === null) engine.router.apply({ kind: "agent_upsert", agent: stored.profile }, engine.now());
  await applyRouterEffects(engine, engine.router.apply({ kind: "agent_presence", agentId, presence }, engine.now()));
  await publishAgentLoad(engine, agentId);
}

/** An agent changes their concurrency cap; a higher cap takes queued chats at once. */
export async function setAgentCap(engine: Engine, agentId: string, cap: number): Promise<void> {
  if (!Number.isInteger(cap) || cap < 0 || cap > 50) throw new DomainError("invalid_input", "cap must be a whole number from 0 to 50");
  const stored = await engine.deps.agents.getAgent(agentId);
  if (stored === null) throw new DomainError("agent_not_found", `no agent ${agentId}`);
  await engine.deps.agents.setCap(agentId, cap);
  engine.invalidateProfiles();
  const effects = engine.router.apply({ kind: "agent_upsert", agent: { ...stored.profile, cap } }, engine.now());
  await applyRouterEffects(engine, effects);
  await publishAgentLoad(engine, agentId);
}

/** Accepts or declines an offered chat (offer mode). */
export async function answerOffer(engine: Engine, agentId: string, conversationId: string, accept: boolean): Promise<void> {
  const effects = engine.router.apply(
    { kind: accept ? "offer_accept" : "offer_decline", conversationId, agentId },
    engine.now(),
  );
  await applyRouterEffects(engine, effects);
}
