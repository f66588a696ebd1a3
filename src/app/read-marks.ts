import { DomainError } from "../core/errors.js";
import type { ReadMark } from "../ports/desk.store.js";
import type { Engine } from "./engine.js";

/** What the other side is told: `reader` has seen every message up to and including `upTo`. */
export interface PresentedRead {
  readonly conversationId: string;
  readonly reader: "visitor" | "agent";
  readonly upTo: string;
  readonly at: number;
}

/**
 * One side of a conversation has seen its messages up to `upTo` (a message of this conversation):
 * the mark is stored (it only moves forward, by transcript order) and published to the other side,
 * the widget's room for the agent's mark, the agent holding the chat for the visitor's. Whether the
 * reader may mark this conversation is the caller's (the gateway's) check.
 *
 * @example
 * await markRead(engine, { conversationId, reader: "agent", upTo: messageId });
 */
export async function markRead(engine: Engine, input: { readonly conversationId: string; readonly reader: "visitor" | "agent"; readonly upTo: string }): Promise<{ upTo: string; moved: boolean }> {
  const { store, desk, publisher } = engine.deps;
  const messages = await store.listMessages(input.conversationId);
  const at = messages.findIndex((m) => m.id === input.upTo);
  if (at < 0) throw new DomainError("not_found", "no such message in this conversation");
  const before = (await desk.listReadMarks(input.conversationId)).find((m) => m.reader === input.reader);
  if (before !== undefined && messages.findIndex((m) => m.id === before.messageId) >= at) return { upTo: before.messageId, moved: false };
  const mark: ReadMark = { conversationId: input.conversationId, reader: input.reader, messageId: input.upTo, at: engine.now() };
  await desk.saveReadMark(mark);
  const shown: PresentedRead = { conversationId: mark.conversationId, reader: mark.reader, upTo: mark.messageId, at: mark.at };
  if (input.reader === "agent") publisher.publish({ kind: "conversation", conversationId: input.conversationId }, "read", shown);
  else {
    const holder = engine.router.stateOf(input.conversationId) === "assigned" ? engine.router.agentOf(input.conversationId) : null;
    if (holder !== null) publisher.publish({ kind: "agent", agentId: holder }, "read", shown);
  }
  return { upTo: mark.messageId, moved: true };
}

/** A conversation's marks as the clients draw them: how far the visitor and the agent have read (null: nothing yet). */
export async function readMarksOf(engine: Engine, conversationId: string): Promise<{ visitor: string | null; agent: string | null }> {
  const marks = await engine.deps.desk.listReadMarks(conversationId);
  return { visitor: marks.find((m) => m.reader === "visitor")?.messageId ?? null, agent: marks.find((m) => m.reader === "agent")?.messageId ?? null };
}
