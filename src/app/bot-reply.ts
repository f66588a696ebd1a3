import type { ExternalBotConfig } from "../core/config/index.js";
import type { BotReply } from "../ports/index.js";
import { appendBotTurn, checkConfidenceAfterBotTurn, requestBotHandoff } from "./bot-api.js";
import type { Engine } from "./engine.js";

/**
 * An external bot answered a delivery inline (call in the serial lane): its turns go to the
 * visitor with their quick replies and the bot's reading; then its handoff request, or else
 * Baton's confidence drop on the bot's readings. A chat that left the bot meanwhile (the visitor
 * asked for a human) takes nothing more from it.
 */
export async function applyBotReply(engine: Engine, bot: ExternalBotConfig, conversationId: string, reply: BotReply): Promise<void> {
  const c = await engine.conversation(conversationId);
  if (c.state !== "bot" || c.bot !== bot.id) return;
  for (const m of reply.messages) {
    await appendBotTurn(engine, { conversationId, text: m.text, buttons: m.buttons, intent: reply.intent, confidence: reply.confidence });
  }
  if (reply.handoff !== undefined) {
    await requestBotHandoff(engine, {
      conversationId,
      reason: reply.handoff.reason,
      topic: reply.handoff.topic,
      intent: reply.intent,
      confidence: reply.confidence,
      fields: reply.handoff.fields,
    });
    return;
  }
  await checkConfidenceAfterBotTurn(engine, conversationId);
}
