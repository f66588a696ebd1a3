import { DomainError } from "../core/errors.js";
import type { Message, MessageTranslation } from "../core/model.js";
import type { Engine } from "./engine.js";
import { publishMessage } from "./post-message.js";

export interface AgentMessageInput {
  readonly agentId: string;
  readonly conversationId: string;
  readonly clientMessageId: string;
  readonly text: string;
  /**
   * In a chat served through translation: the visitor's-language text the agent saw (and may
   * have edited) before sending. Absent: translated now, within the translator's timeout.
   */
  readonly translation?: { readonly text: string; readonly edited: boolean } | undefined;
}

/**
 * An agent writes to the visitor. Only the agent holding the chat may; the first human message
 * of a handoff stamps its time to first human (the SLA measure). Idempotent by client id.
 */
export async function sendAgentMessage(engine: Engine, input: AgentMessageInput): Promise<{ message: Message; duplicate: boolean }> {
  const { store } = engine.deps;
  const c = await engine.conversation(input.conversationId);
  if (c.state !== "assigned" || c.assignedAgentId !== input.agentId) {
    throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
  }
  const route = engine.translation.chatRoute(c.id, input.agentId);
  let translation: MessageTranslation | null = null;
  if (route !== null) {
    const given = input.translation;
    translation =
      given === undefined
        ? await engine.translation.translate(input.text, route.agent, route.visitor)
        : { text: given.text, from: route.agent, to: route.visitor, via: route.outbound.via, edited: given.edited, error: null };
    if (translation.error !== null) engine.translationTrouble();
  }
  const now = engine.now();
  const stored = await store.appendMessage({
    id: engine.deps.newId(),
    conversationId: c.id,
    clientMessageId: input.clientMessageId,
    author: "agent",
    authorId: input.agentId,
    text: input.text,
    at: now,
    nlu: null,
    translation,
  });
  if (stored.duplicate) return stored;
  engine.router.apply({ kind: "answered", conversationId: c.id }, now);
  const handoff = (await store.listHandoffs(c.id)).at(-1);
  if (handoff !== undefined && handoff.firstHumanAt === null) await store.updateHandoff(handoff.id, { firstHumanAt: now });
  const agent = (await engine.profiles()).get(input.agentId);
  publishMessage(engine, stored.message, agent?.name ?? "Agent", input.agentId);
  return stored;
}
