import { transition } from "../core/conversation/index.js";
import { DomainError } from "../core/errors.js";
import type { CsatRecord } from "../ports/index.js";
import { applyRouterEffects } from "./apply-router-effects.js";
import type { Engine } from "./engine.js";
import { postMessage } from "./post-message.js";
import { systemText } from "./system-text.js";
import { visitorStatus } from "./visitor-status.js";

/** The agent closes the chat: frees their slot (which takes the next queued chat) and asks for CSAT. */
export async function resolveConversation(engine: Engine, agentId: string | null, conversationId: string): Promise<void> {
  const { store, publisher } = engine.deps;
  const c = await engine.conversation(conversationId);
  if (agentId !== null && c.assignedAgentId !== agentId) throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
  const now = engine.now();
  const state = transition(c.state, "resolved");
  const handoff = (await store.listHandoffs(c.id)).at(-1);
  if (handoff?.assignedAt != null) engine.recordHandleTime((now - handoff.assignedAt) / 1000);
  const effects = engine.router.apply({ kind: "release", conversationId }, now);
  const updated = await store.updateConversation(conversationId, { state, resolvedAt: now, updatedAt: now });
  await postMessage(engine, { conversationId, author: "system", text: systemText(c.language, "resolved"), agentId });
  publisher.publish({ kind: "conversation", conversationId }, "status", await visitorStatus(engine, updated));
  publisher.publish({ kind: "conversation", conversationId }, "csat:request", {});
  if (agentId !== null) publisher.publish({ kind: "agent", agentId }, "conversation:removed", { conversationId, reason: "resolved" });
  await applyRouterEffects(engine, effects);
}

/**
 * The visitor rates the chat 1-5. The segment is decided here: bot-only (never handed off),
 * post-handoff (the bot answered before a human took over) or human-only (straight to a human).
 */
export async function submitCsat(engine: Engine, conversationId: string, score: number, comment: string | null): Promise<CsatRecord> {
  const { store } = engine.deps;
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new DomainError("invalid_input", "score must be 1 to 5");
  const c = await engine.conversation(conversationId);
  if (c.state !== "resolved") throw new DomainError("invalid_transition", "CSAT is asked once the chat is resolved");
  const [handoffs, messages] = await Promise.all([store.listHandoffs(c.id), store.listMessages(c.id)]);
  const first = handoffs[0];
  const botSpoke = first !== undefined && messages.some((m) => m.author === "bot" && m.at <= first.createdAt);
  const segment: CsatRecord["segment"] = first === undefined ? "bot_only" : botSpoke ? "post_handoff" : "human_only";
  const record: CsatRecord = { conversationId, score, comment, segment, at: engine.now() };
  await store.recordCsat(record);
  return record;
}

/**
 * The visitor left (no widget connected for a while) before a human took the chat: it leaves the
 * queue so no agent picks up an empty room. Chats already with an agent stay theirs to resolve.
 */
export async function abandonConversation(engine: Engine, conversationId: string): Promise<boolean> {
  const c = await engine.conversation(conversationId);
  if (c.state !== "queued" && c.state !== "offered") return false;
  const now = engine.now();
  const effects = engine.router.apply({ kind: "release", conversationId }, now);
  await engine.deps.store.updateConversation(conversationId, { state: transition(c.state, "resolved"), resolvedAt: now, updatedAt: now });
  await postMessage(engine, { conversationId, author: "system", text: systemText(c.language, "visitorLeft") });
  if (c.state === "offered" && c.assignedAgentId !== null) {
    engine.deps.publisher.publish({ kind: "agent", agentId: c.assignedAgentId }, "conversation:removed", { conversationId, reason: "visitor_left" });
  }
  engine.deps.log.info({ conversationId }, "visitor left the queue");
  await applyRouterEffects(engine, effects);
  engine.queueDirty = true;
  return true;
}
