import { DomainError } from "../core/errors.js";
import type { BotButton, Message, NluResult, Topic } from "../core/model.js";
import { TOPICS } from "../core/model.js";
import { routingTopic, visitorTopicTurns } from "../core/rules/index.js";
import { botApiTrigger, checkBotConfidenceDrop } from "../core/triggers/index.js";
import type { Engine } from "./engine.js";
import { handOff } from "./hand-off.js";
import { defaultAuthorName, publishMessage } from "./post-message.js";

export interface BotTurnInput {
  readonly conversationId: string;
  /** May be empty when `buttons` are given: the titles become the text (the fallback of surfaces without buttons). */
  readonly text: string;
  readonly buttons?: readonly BotButton[] | undefined;
  readonly intent?: string | undefined;
  readonly confidence?: number | undefined;
}

export interface BotHandoffInput {
  readonly conversationId: string;
  readonly reason: string;
  readonly topic?: string | undefined;
  readonly intent?: string | undefined;
  readonly confidence?: number | undefined;
  readonly fields?: Readonly<Record<string, string>> | undefined;
}

function botNlu(intent: string, confidence: number, topic: Topic, language: string): NluResult {
  return {
    language,
    languageConfidence: 1,
    intent,
    topic,
    confidence,
    alternatives: [],
    entities: [],
    sentiment: { score: 0, label: "neutral" },
    explicitHumanRequest: { requested: false, evidence: null },
  };
}

/**
 * An external bot (Rasa, Botpress, anything) posts its reply with the intent and confidence it
 * read; then Baton's confidence-drop trigger runs on the bot's own readings (unless its owner
 * turned it off), and may hand the chat off.
 */
export async function postBotTurn(engine: Engine, input: BotTurnInput): Promise<Message> {
  const m = await appendBotTurn(engine, input);
  await checkConfidenceAfterBotTurn(engine, input.conversationId);
  return m;
}

/** Stores and publishes one bot turn (with its reading and quick replies). */
export async function appendBotTurn(engine: Engine, input: BotTurnInput): Promise<Message> {
  const c = await engine.conversation(input.conversationId);
  if (c.state !== "bot") throw new DomainError("invalid_transition", `the bot no longer has this chat (it is ${c.state})`);
  const buttons = input.buttons ?? [];
  if (input.text.trim() === "" && buttons.length === 0) throw new DomainError("invalid_input", "a bot turn needs a text or buttons", { field: "text" });
  const text = input.text.trim() !== "" ? input.text : buttons.map((b) => b.title).join(" · ");
  const m: Message = {
    id: engine.deps.newId(),
    conversationId: c.id,
    clientMessageId: null,
    author: "bot",
    authorId: null,
    text,
    at: engine.now(),
    nlu: input.intent === undefined && input.confidence === undefined ? null : botNlu(input.intent ?? "none", input.confidence ?? 1, "none", c.language),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
  await engine.deps.store.appendMessage(m);
  // Named as in the transcript history (presentTranscript), so a reload shows the same author.
  publishMessage(engine, m, defaultAuthorName("bot"), null);
  return m;
}

/** The confidence drop on an external bot's readings: hands off when its last turns were all unsure. */
export async function checkConfidenceAfterBotTurn(engine: Engine, conversationId: string): Promise<void> {
  const c = await engine.conversation(conversationId);
  const bot = engine.config.bots.external.find((b) => b.id === c.bot);
  if (c.state !== "bot" || (bot !== undefined && !bot.triggers.confidence_drop)) return;
  const messages = await engine.deps.store.listMessages(conversationId);
  const trigger = checkBotConfidenceDrop(messages, engine.config.triggers);
  if (trigger === null) return;
  await handOff(engine, { conversation: c, trigger, topic: routingTopic(visitorTopicTurns(messages)) });
}

/** The external bot asks for a human, handing over the fields it collected. */
export async function requestBotHandoff(engine: Engine, input: BotHandoffInput): Promise<{ handoffId: string; state: string }> {
  const { store } = engine.deps;
  const c = await engine.conversation(input.conversationId);
  if (c.state !== "bot") throw new DomainError("invalid_transition", `the chat is already ${c.state}`);
  const topic = (TOPICS as readonly string[]).includes(input.topic ?? "") ? (input.topic as Topic) : "none";
  const now = engine.now();
  for (const [name, value] of Object.entries(input.fields ?? {})) {
    await store.upsertField(c.id, { name, value, source: { kind: "bot_api" }, at: now });
  }
  const scores: Record<string, number> = input.confidence === undefined ? {} : { confidence: input.confidence };
  const trigger = botApiTrigger(now, input.reason, scores);
  const handoff = await handOff(engine, { conversation: c, trigger, topic });
  return { handoffId: handoff.id, state: (await engine.conversation(c.id)).state };
}
