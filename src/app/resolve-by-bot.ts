import { transition } from "../core/conversation/index.js";
import { DomainError } from "../core/errors.js";
import type { Engine } from "./engine.js";
import { postMessage } from "./post-message.js";
import { systemText } from "./system-text.js";
import { visitorStatus } from "./visitor-status.js";

/**
 * The visitor confirms the bot answered them: the chat is resolved by the bot and the same CSAT
 * is asked, so the seam report has a bot-only baseline (`submitCsat` files it as bot_only when
 * the chat was never handed off).
 */
export async function resolveByBot(engine: Engine, conversationId: string): Promise<void> {
  const { store, publisher } = engine.deps;
  const c = await engine.conversation(conversationId);
  if (c.state !== "bot") throw new DomainError("invalid_transition", "only a chat the bot is answering can be resolved by the bot");
  const messages = await store.listMessages(conversationId);
  if (!messages.some((m) => m.author === "bot")) throw new DomainError("invalid_transition", "the bot has not answered yet");
  const now = engine.now();
  const updated = await store.updateConversation(conversationId, { state: transition(c.state, "resolved"), resolvedAt: now, updatedAt: now });
  await postMessage(engine, { conversationId, author: "system", text: systemText(c.language, "resolved") });
  publisher.publish({ kind: "conversation", conversationId }, "status", await visitorStatus(engine, updated));
  publisher.publish({ kind: "conversation", conversationId }, "csat:request", {});
}
