import type { Author, Message, NluResult } from "../core/model.js";
import { BOT_NAME } from "../core/context/index.js";
import type { Engine } from "./engine.js";
import { presentAttachment } from "./attachments.js";
import type { PresentedAttachment, PresentedMessage } from "./events.js";

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

/** A conversation's messages as the widget draws them, agents named, with their attachments. */
export async function presentTranscript(engine: Engine, messages: readonly Message[]): Promise<PresentedMessage[]> {
  const needsNames = messages.some((m) => m.author === "agent");
  const profiles = needsNames ? await engine.profiles() : new Map<string, { name: string }>();
  const files = new Map<string, PresentedAttachment>();
  if (messages.some((m) => m.clientMessageId?.startsWith("attachment:"))) {
    for (const id of new Set(messages.map((m) => m.conversationId))) {
      for (const a of await engine.deps.desk.listAttachments(id)) files.set(a.messageId, presentAttachment(a));
    }
  }
  return messages.map((m) => {
    const p = presentMessage(m, m.author === "agent" ? (profiles.get(m.authorId ?? "")?.name ?? "Agent") : defaultAuthorName(m.author));
    const file = files.get(m.id);
    return file === undefined ? p : { ...p, attachment: file };
  });
}
