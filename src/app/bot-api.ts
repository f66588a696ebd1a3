import { DomainError } from "../core/errors.js";
import type { Message, NluResult, Topic } from "../core/model.js";
import { TOPICS } from "../core/model.js";
import { botApiTrigger } from "../core/triggers/index.js";
import type { Engine } from "./engine.js";
import { handOff } from "./hand-off.js";
import { publishMessage } from "./post-message.js";

export interface BotTurnInput {
  readonly conversationId: string;
  readonly text: string;
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

/** An external bot (Rasa, Botpress, anything) posts its reply with the intent and confidence it read. */
export async function postBotTurn(engine: Engine, input: BotTurnInput): Promise<Message> {
  const c = await engine.conversation(input.conversationId);
  if (c.state !== "bot") throw new DomainError("invalid_transition", `the bot no longer has this chat (it is ${c.state})`);
  const m: Message = {
    id: engine.deps.newId(),
    conversationId: c.id,
    clientMessageId: null,
    author: "bot",
    authorId: null,
    text: input.text,
    at: engine.now(),
    nlu: input.intent === undefined ? null : botNlu(input.intent, input.confidence ?? 1, "none", c.language),
  };
  await engine.deps.store.appendMessage(m);
  publishMessage(engine, m, "Bot", null);
  return m;
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
