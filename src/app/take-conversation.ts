import { applyRouterEffects } from "./apply-router-effects.js";
import type { Engine } from "./engine.js";

/**
 * A queued chat taken by hand: by an agent from their queue (`by: "agent"`), or assigned to an
 * agent by an admin (`by: "admin"`). The router checks cap and eligibility and records why
 * ("taken by hand"); the agent gets the context and the visitor is told who joined.
 */
export async function takeConversation(engine: Engine, input: { conversationId: string; agentId: string; by: "agent" | "admin" }): Promise<void> {
  const effects = engine.router.apply({ kind: "take", conversationId: input.conversationId, agentId: input.agentId, by: input.by }, engine.now());
  await applyRouterEffects(engine, effects);
}
