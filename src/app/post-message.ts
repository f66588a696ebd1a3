import type { Author, Message, NluResult } from "../core/model.js";
import { BOT_NAME } from "../core/context/index.js";
import type { Engine } from "./engine.js";
import type { PresentedMessage } from "./events.js";

/** The shape widgets and consoles draw. */
export function presentMessage(m: Message, authorName: string): PresentedMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    clientMessageId: m.clientMessageId,
    author: m.author,
    authorName,
    text: m.text,
    at: m.at,
    ...(m.buttons === undefined || m.buttons.length === 0 ? {} : { buttons: m.buttons.map((b) => ({ title: b.title, payload: b.payload })) }),
  };
}

export function defaultAuthorName(author: Author): string {
  return author === "bot" ? BOT_NAME : author === "system" ? "Baton" : author === "visitor" ? "Visitor" : "Agent";
}

/** Sends a message to the visitor's widget and to the agent holding the chat. */
export function publishMessage(engine: Engine, m: Message, authorName: string, agentId: string | null): void {
  const presented = presentMessage(m, authorName);
  engine.deps.publisher.publish({ kind: "conversation", conversationId: m.conversationId }, "message", presented);
  if (agentId !== null) engine.deps.publisher.publish({ kind: "agent", agentId }, "message", presented);
}

/** Stores a bot or system message and publishes it. */
export async function postMessage(
  engine: Engine,
  input: { conversationId: string; author: "bot" | "system"; text: string; nlu?: NluResult | null; agentId?: string | null },
): Promise<Message> {
  const m: Message = {
    id: engine.deps.newId(),
    conversationId: input.conversationId,
    clientMessageId: null,
    author: input.author,
    authorId: null,
    text: input.text,
    at: engine.now(),
    nlu: input.nlu ?? null,
  };
  await engine.deps.store.appendMessage(m);
  publishMessage(engine, m, defaultAuthorName(input.author), input.agentId ?? null);
  return m;
}

/** A conversation's messages as the widget draws them, agents named. */
export async function presentTranscript(engine: Engine, messages: readonly Message[]): Promise<PresentedMessage[]> {
  const needsNames = messages.some((m) => m.author === "agent");
  const profiles = needsNames ? await engine.profiles() : new Map<string, { name: string }>();
  return messages.map((m) => presentMessage(m, m.author === "agent" ? (profiles.get(m.authorId ?? "")?.name ?? "Agent") : defaultAuthorName(m.author)));
}
