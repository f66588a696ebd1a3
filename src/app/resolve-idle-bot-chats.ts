import { DomainError } from "../core/errors.js";
import type { Engine } from "./engine.js";
import { resolveByBot } from "./resolve-by-bot.js";

/**
 * The bot resolves chats it answered whose visitor then said nothing for
 * `bot.resolveWhenIdleSeconds` (0 = off), exactly as when the visitor confirms the answer: the
 * chat is resolved and the same CSAT is asked (filed as bot-only). Returns how many it resolved.
 * Time is the engine's clock.
 */
export async function resolveIdleBotChats(engine: Engine): Promise<number> {
  const seconds = engine.config.bot.resolveWhenIdleSeconds;
  if (seconds === 0 || engine.botAnswered.size === 0) return 0;
  const now = engine.now();
  let resolved = 0;
  for (const [conversationId, answeredAt] of [...engine.botAnswered]) {
    if (now - answeredAt < seconds * 1000) continue;
    engine.botAnswered.delete(conversationId);
    const c = await engine.deps.store.getConversation(conversationId);
    if (c === null || c.state !== "bot") continue;
    // Still quiet since the answer: the last word in the chat is the bot's.
    const last = (await engine.deps.store.listMessages(conversationId)).filter((m) => m.author !== "system").at(-1);
    if (last?.author !== "bot" || last.at > answeredAt) continue;
    try {
      await resolveByBot(engine, conversationId);
      resolved++;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return resolved;
}

/** Whether some chat the bot answered may have gone quiet long enough by now. */
export function idleBotChatsDue(engine: Engine): boolean {
  const seconds = engine.config.bot.resolveWhenIdleSeconds;
  if (seconds === 0) return false;
  const cutoff = engine.now() - seconds * 1000;
  for (const at of engine.botAnswered.values()) if (at <= cutoff) return true;
  return false;
}
