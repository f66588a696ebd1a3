import { DomainError } from "../core/errors.js";
import type { Message } from "../core/model.js";
import { decideVisitorMessages } from "./decide-visitor-messages.js";
import type { Engine } from "./engine.js";
import { publishMessage } from "./post-message.js";

export interface VisitorMessageInput {
  readonly conversationId: string;
  readonly clientMessageId: string;
  readonly text: string;
  readonly page?: { url: string; title: string } | undefined;
  /** A click on a bot's quick reply: its payload (`text` is its title). Only a button the bot offered in this conversation. */
  readonly payload?: string | undefined;
}

/**
 * A visitor wrote. The NLU reads the message, which is committed together with its row in the
 * outbox of undecided messages (idempotent by the client's id: a retried send stores nothing new),
 * then decided (see decideVisitorMessages). A retry of a message whose decision was lost in a
 * crash decides it now; a retry of a decided one decides nothing twice.
 */
export async function receiveVisitorMessage(
  engine: Engine,
  input: VisitorMessageInput,
): Promise<{ message: Message; duplicate: boolean }> {
  const { store, nlu } = engine.deps;
  const c = await engine.conversation(input.conversationId);
  if (input.payload !== undefined) await checkOffered(engine, c.id, input.payload);
  const result = await nlu.analyze(input.text, { previousLanguage: c.language });
  const stored = await store.transaction(async (tx) => {
    const appended = await tx.appendMessage({
      id: engine.deps.newId(),
      conversationId: c.id,
      clientMessageId: input.clientMessageId,
      author: "visitor",
      authorId: null,
      text: input.text,
      at: engine.now(),
      nlu: result,
      ...(input.payload === undefined ? {} : { payload: input.payload }),
    });
    if (!appended.duplicate) await tx.recordUndecided(appended.message);
    return appended;
  });
  if (!stored.duplicate) publishMessage(engine, stored.message, "Visitor", c.assignedAgentId);
  await decideVisitorMessages(engine, c.id, input.page);
  return stored;
}

/**
 * A button payload is accepted only when the bot offered it in this conversation (the widget shows
 * the latest turn's; a resend after a reconnect may come when newer ones are out).
 */
async function checkOffered(engine: Engine, conversationId: string, payload: string): Promise<void> {
  const messages = await engine.deps.store.listMessages(conversationId);
  if (!messages.some((m) => m.author === "bot" && m.buttons?.some((b) => b.payload === payload) === true)) {
    throw new DomainError("invalid_input", "that quick reply is not on offer in this conversation", { field: "payload" });
  }
}
