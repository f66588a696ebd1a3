import type { Author, Message, NluResult } from "../core/model.js";
import { BOT_NAME } from "../core/context/index.js";
import type { Engine } from "./engine.js";
import { presentAttachment } from "./attachments.js";
import type { PresentedAttachment, PresentedMessage } from "./events.js";

/** The shape consoles draw: the author's own words, with the translation beside them when there is one. */
export function presentMessage(m: Message, authorName: string): PresentedMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    clientMessageId: m.clientMessageId,
    author: m.author,
    authorName,
    text: m.text,
    at: m.at,
    ...(m.translation == null ? {} : { translation: m.translation }),
    ...(m.buttons === undefined || m.buttons.length === 0 ? {} : { buttons: m.buttons.map((b) => ({ title: b.title, payload: b.payload })) }),
    ...((m.author === "visitor" || m.author === "bot") && m.nlu !== null
      ? { nlu: { intent: m.nlu.intent, topic: m.nlu.topic, confidence: m.nlu.confidence, sentiment: m.nlu.sentiment.score } }
      : {}),
    ...(m.author === "visitor" && m.payload !== undefined ? { quickReply: true as const } : {}),
  };
}

/**
 * The shape widgets draw: an agent's message written in another language reaches the visitor
 * in theirs, marked `translated` (the original beside it); untranslated when the translator failed.
 */
export function presentForVisitor(m: Message, authorName: string): PresentedMessage {
  const base = presentMessage(m, authorName);
  // What the NLU read and how a message was sent are for agents, never for the visitor.
  const { translation: _, nlu: _nlu, quickReply: _quickReply, ...rest } = base;
  const t = m.translation;
  if (m.author !== "agent" || t == null || t.text === null) return rest;
  return { ...rest, text: t.text, translated: { from: t.from, to: t.to, via: t.via, original: m.text } };
}

export function defaultAuthorName(author: Author): string {
  return author === "bot" ? BOT_NAME : author === "system" ? "Baton" : author === "visitor" ? "Visitor" : "Agent";
}

/**
 * Sends a message to the visitor's widget and to the agent holding the chat. In a chat the agent
 * serves through translation, a message in the visitor's language reaches the agent once
 * translated (within the translator's timeout; untranslated with the reason past it), in the
 * conversation's own lane so their order holds.
 */
export function publishMessage(engine: Engine, m: Message, authorName: string, agentId: string | null): void {
  engine.deps.publisher.publish({ kind: "conversation", conversationId: m.conversationId }, "message", presentForVisitor(m, authorName));
  if (agentId === null) return;
  const route = m.author === "agent" || m.translation != null ? null : engine.translation.chatRoute(m.conversationId, agentId);
  if (route === null) {
    engine.deps.publisher.publish({ kind: "agent", agentId }, "message", presentMessage(m, authorName));
    return;
  }
  engine
    .inConversation(m.conversationId, async () => {
      const translated = await translateStored(engine, m, route.visitor, route.agent);
      engine.deps.publisher.publish({ kind: "agent", agentId }, "message", presentMessage(translated, authorName));
    })
    .catch((err: unknown) => engine.deps.log.error({ err, messageId: m.id }, "delivering a translated message failed"));
}

/**
 * Translates a stored message and stores the translation beside it (a failure is stored too,
 * with its reason); a failed translation asks the translator's health again at once, so
 * routing stops counting translation agents without waiting for the next check.
 */
export async function translateStored(engine: Engine, m: Message, from: string, to: string): Promise<Message> {
  const translation = await engine.translation.translate(m.text, from, to);
  try {
    await engine.deps.store.setMessageTranslation(m.id, translation);
  } catch (err) {
    engine.deps.log.warn({ err, messageId: m.id }, "storing a translation failed (the message itself is stored)");
  }
  if (translation.error !== null) engine.translationTrouble();
  return { ...m, translation };
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
    const p = presentForVisitor(m, m.author === "agent" ? (profiles.get(m.authorId ?? "")?.name ?? "Agent") : defaultAuthorName(m.author));
    const file = files.get(m.id);
    return file === undefined ? p : { ...p, attachment: file };
  });
}
