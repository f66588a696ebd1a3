import type { Message } from "../core/model.js";
import type { Engine } from "./engine.js";
import { defaultAuthorName, presentMessage } from "./post-message.js";

/** At most this many failed messages per chat are translated again when the translator returns. */
export const RETRY_PER_CHAT = 50;

/**
 * The translator answers again: in every chat served through translation now, the messages in the
 * visitor's language whose translation failed (the last RETRY_PER_CHAT of them) are translated
 * again, stored beside their original and sent to the agent holding the chat as
 * `message:translated`. The translator is called outside every lane; a chat stops at its first
 * new failure (the translator went down again: the next return retries). Never throws.
 */
export async function retryFailedTranslations(engine: Engine): Promise<number> {
  const counts = await Promise.all(
    engine.translation.heldChats().map(({ conversationId, agentId }) =>
      retryChat(engine, conversationId, agentId).catch((err: unknown) => {
        engine.deps.log.warn({ err, conversationId }, "translating failed messages again failed");
        return 0;
      }),
    ),
  );
  const retried = counts.reduce((a, b) => a + b, 0);
  if (retried > 0) engine.deps.log.info({ retried }, "translated again the messages the translator had failed");
  return retried;
}

/** Which of a chat's messages to translate again: the last `limit` not the agent's whose translation failed. */
export function failedTranslations(messages: readonly Message[], limit = RETRY_PER_CHAT): Message[] {
  return messages.filter((m) => m.author !== "agent" && m.translation != null && m.translation.text === null).slice(-limit);
}

async function retryChat(engine: Engine, conversationId: string, agentId: string): Promise<number> {
  const route = engine.translation.chatRoute(conversationId, agentId);
  if (route === null) return 0;
  const messages = await engine.deps.store.listMessages(conversationId);
  const failed = failedTranslations(messages);
  let done = 0;
  for (const m of failed) {
    const translation = await engine.translation.translate(m.text, route.visitor, route.agent);
    if (translation.error !== null) {
      engine.translationTrouble();
      break;
    }
    await engine.deps.store.setMessageTranslation(m.id, translation);
    done++;
    // Still theirs? A chat handed on meanwhile reaches its new agent through its transcript.
    if (engine.translation.chatRoute(conversationId, agentId) === null) continue;
    engine.deps.publisher.publish({ kind: "agent", agentId }, "message:translated", presentMessage({ ...m, translation }, defaultAuthorName(m.author)));
  }
  return done;
}
