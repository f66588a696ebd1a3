import type { Message, Trigger } from "../model.js";
import { checkConfidenceDrop, type VisitorTurn } from "./trigger-checks.js";
import type { TriggerConfig } from "./trigger-config.js";

/**
 * The visitor turns of a conversation with an external bot, each read with the intent and
 * confidence the bot reported for it: the first bot turn after a visitor message that carries a
 * reading answers it. Visitor messages the bot reported nothing for are left out (Baton's own
 * intent corpus is not the bot's, so its confidence says nothing about the bot's).
 *
 * @example
 * botReportedTurns([visitor("m1"), botTurn({ intent: "none", confidence: 0.2 })]) // [{ messageId: "m1", nlu: { confidence: 0.2, ... } }]
 */
export function botReportedTurns(messages: readonly Message[]): VisitorTurn[] {
  const turns: VisitorTurn[] = [];
  let waiting: Message | null = null;
  for (const m of messages) {
    if (m.author === "visitor") waiting = m;
    else if (m.author === "bot" && waiting !== null && waiting.nlu !== null && m.nlu !== null) {
      turns.push({ messageId: waiting.id, text: waiting.text, at: waiting.at, nlu: { ...waiting.nlu, intent: m.nlu.intent, confidence: m.nlu.confidence } });
      waiting = null;
    }
  }
  return turns;
}

/**
 * Baton's confidence-drop trigger on an external bot's own readings: its last
 * `cfg.lowConfidenceTurns` reported confidences all below `cfg.confidenceThreshold`.
 */
export function checkBotConfidenceDrop(messages: readonly Message[], cfg: TriggerConfig): Trigger | null {
  return checkConfidenceDrop(botReportedTurns(messages), cfg);
}
