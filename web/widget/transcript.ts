/**
 * The conversation as the widget draws it: server messages deduplicated by id and by the
 * client's message id, inbox replies, and the visitor's messages still waiting in the outbox.
 * Pure functions, so the merge rules are unit-tested.
 */
import type { PresentedMessage, VisitorStatus } from "../../src/app/events.js";
import type { InboxItem } from "../../src/ports/conversation.store.js";
import type { OutboxItem } from "./outbox.js";

/** A drawn message: a server message, or a pending one from the outbox (`pending: true`). */
export interface ChatMessage extends PresentedMessage {
  readonly pending: boolean;
  /** Set when the server refused it (e.g. too long); it is not retried. */
  readonly failed?: string;
}

/** The client message id the server gives an agent's answer to an inbox item. */
export const inboxReplyId = (itemId: string) => `inbox-reply:${itemId}`;

const sameMessage = (a: PresentedMessage, b: PresentedMessage) =>
  a.id === b.id || (a.clientMessageId !== null && a.clientMessageId === b.clientMessageId && a.author === b.author);

/** Adds or replaces one message (a pending one is replaced by its stored version in place). */
export function upsertMessage(list: readonly ChatMessage[], m: ChatMessage): ChatMessage[] {
  const at = list.findIndex((x) => sameMessage(x, m));
  if (at === -1) return [...list, m];
  if (!list[at]!.pending && m.pending) return [...list]; // never downgrade a stored message
  const next = [...list];
  next[at] = m;
  return next.filter((x, i) => i === at || !sameMessage(x, m));
}

/** A pending message for an outbox item. */
export function pendingMessage(item: OutboxItem, conversationId: string): ChatMessage {
  return {
    id: `pending:${item.clientMessageId}`,
    conversationId,
    clientMessageId: item.clientMessageId,
    author: "visitor",
    authorName: "Visitor",
    text: item.text,
    at: item.at,
    pending: true,
  };
}

/** An inbox item's reply as an agent message (when the stored message is not there yet). */
export function inboxReplyMessage(item: InboxItem): ChatMessage | null {
  if (item.reply === null) return null;
  return {
    id: `inbox:${item.id}`,
    conversationId: item.conversationId,
    clientMessageId: inboxReplyId(item.id),
    author: "agent",
    authorName: "",
    text: item.reply,
    at: item.repliedAt ?? item.createdAt,
    pending: false,
  };
}

/**
 * Redraws from the server's history: its messages in its order (no duplicates), then messages
 * already drawn that the history does not have yet (published while it was read), inbox replies
 * missing from it, and the outbox's messages not yet stored.
 */
export function mergeHistory(
  current: readonly ChatMessage[],
  history: readonly PresentedMessage[],
  inbox: readonly InboxItem[],
  outbox: readonly OutboxItem[],
  conversationId: string,
): ChatMessage[] {
  let list: ChatMessage[] = [];
  for (const m of history) list = upsertMessage(list, { ...m, pending: false });
  for (const m of current) {
    if (!m.pending && m.conversationId === conversationId && !list.some((x) => sameMessage(x, m))) list = upsertMessage(list, m);
  }
  for (const item of inbox) {
    const reply = inboxReplyMessage(item);
    if (reply !== null && !list.some((x) => sameMessage(x, reply))) list = upsertMessage(list, reply);
  }
  for (const item of outbox) {
    const p = pendingMessage(item, conversationId);
    if (!list.some((x) => sameMessage(x, p))) list.push(p);
  }
  return list;
}

/**
 * Whether to show the leave-a-message form: the chat is on the async path and the visitor has
 * not left a message since they last wrote.
 */
export function wantsAsyncForm(status: VisitorStatus | null, inbox: readonly InboxItem[], messages: readonly ChatMessage[]): boolean {
  if (status?.state !== "async") return false;
  const lastVisitor = messages.filter((m) => m.author === "visitor" && !m.pending).at(-1)?.at ?? 0;
  return !inbox.some((i) => i.conversationId === status.conversationId && i.createdAt >= lastVisitor);
}

/**
 * The leave-a-message form's draft: on the async path with no message left yet, what the visitor
 * typed in the chat since the async outcome (after the last system line) becomes the message, to
 * check and send with an e-mail; nothing typed there is lost. Empty otherwise.
 */
export function asyncDraft(status: VisitorStatus | null, inbox: readonly InboxItem[], messages: readonly ChatMessage[]): string {
  if (status?.state !== "async" || inbox.some((i) => i.conversationId === status.conversationId)) return "";
  const lastSystem = messages.findLastIndex((m) => m.author === "system");
  return messages
    .slice(lastSystem + 1)
    .filter((m) => m.author === "visitor" && !m.pending)
    .map((m) => m.text)
    .join("\n\n");
}

/** Messages that count as unread on the launcher: what the agent or the bot said (not system notices, not the visitor's). */
const countsAsUnread = (m: ChatMessage) => (m.author === "agent" || m.author === "bot") && !m.pending;

/** The last agent or bot message the visitor saw: its id, and its time for when the id is gone from the list. */
export interface SeenMark {
  readonly id: string;
  readonly at: number;
}

/**
 * The launcher's unread count: agent and bot messages after the last one the visitor saw (kept
 * across page loads, so a reload never counts the same message again). Found by id in the drawn
 * order (several messages may share a time); by time when that message is not drawn.
 * @example
 * unreadCount(messages, null); // every agent and bot message
 */
export function unreadCount(messages: readonly ChatMessage[], seen: SeenMark | null): number {
  const at = seen === null ? -1 : messages.findIndex((m) => m.id === seen.id);
  const after = at >= 0 ? messages.slice(at + 1) : seen === null ? messages : messages.filter((m) => m.at > seen.at);
  return after.filter(countsAsUnread).length;
}

/** The newest agent or bot message (null when none): what opening the panel marks as seen. */
export function latestIncoming(messages: readonly ChatMessage[]): SeenMark | null {
  const m = messages.findLast(countsAsUnread);
  return m === undefined ? null : { id: m.id, at: m.at };
}
