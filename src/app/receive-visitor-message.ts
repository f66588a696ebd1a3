import { transition } from "../core/conversation/index.js";
import type { Conversation, Message } from "../core/model.js";
import { routingTopic } from "../core/rules/index.js";
import { detectTrigger, type VisitorTurn } from "../core/triggers/index.js";
import type { Engine } from "./engine.js";
import { handOff } from "./hand-off.js";
import { postMessage, publishMessage } from "./post-message.js";

export interface VisitorMessageInput {
  readonly conversationId: string;
  readonly clientMessageId: string;
  readonly text: string;
  readonly page?: { url: string; title: string } | undefined;
}

/**
 * A visitor wrote. The message is committed first (idempotent by the client's id: a retried
 * send stores nothing new and triggers nothing twice), then read by the NLU; while the bot has
 * the chat, the triggers decide between a bot reply and a handoff.
 */
export async function receiveVisitorMessage(
  engine: Engine,
  input: VisitorMessageInput,
): Promise<{ message: Message; duplicate: boolean }> {
  const { store, nlu } = engine.deps;
  let c = await engine.conversation(input.conversationId);
  const result = await nlu.analyze(input.text, { previousLanguage: c.language });
  const stored = await store.appendMessage({
    id: engine.deps.newId(),
    conversationId: c.id,
    clientMessageId: input.clientMessageId,
    author: "visitor",
    authorId: null,
    text: input.text,
    at: engine.now(),
    nlu: result,
  });
  if (stored.duplicate) return stored;
  const m = stored.message;
  publishMessage(engine, m, "Visitor", c.assignedAgentId);
  for (const e of result.entities) {
    await store.upsertField(c.id, { name: e.field, value: e.value, source: { kind: "message", messageId: m.id }, at: m.at });
  }
  const patch: Partial<Conversation> = {};
  if (input.page !== undefined) Object.assign(patch, { page: input.page });
  if (c.state === "bot" && result.languageConfidence >= 0.5 && result.language !== c.language && input.text.trim().length >= 12) {
    Object.assign(patch, { language: result.language });
  }
  if (c.state === "resolved") Object.assign(patch, { state: transition(c.state, "reopened"), resolvedAt: null });
  if (Object.keys(patch).length > 0) c = await store.updateConversation(c.id, { ...patch, updatedAt: m.at });
  if (c.state === "async") await addToInbox(engine, c.id, m);
  if (c.state === "bot") await botTurn(engine, c, await store.listMessages(c.id));
  return stored;
}

/**
 * After a no-agent or async outcome the chat belongs to the inbox: what the visitor types is
 * added to their open inbox item (the agent answering sees it there and in the transcript), and
 * the bot stays out.
 */
async function addToInbox(engine: Engine, conversationId: string, m: Message): Promise<void> {
  const { store, publisher } = engine.deps;
  const item = (await store.listInbox({ conversationId, status: "open" })).at(-1);
  if (item === undefined) return;
  const updated = await store.updateInboxItem(item.id, { text: `${item.text}\n\n${m.text}` });
  publisher.publish({ kind: "admins" }, "inbox:updated", updated);
  for (const t of engine.config.teams) publisher.publish({ kind: "team", team: t.id }, "inbox:updated", updated);
}

/** The bot's turn: hand off when a trigger fires, otherwise answer or ask for a missing field. */
async function botTurn(engine: Engine, c: Conversation, messages: readonly Message[]): Promise<void> {
  const { store } = engine.deps;
  const turns: VisitorTurn[] = messages.flatMap((m) =>
    m.author === "visitor" && m.nlu !== null ? [{ messageId: m.id, text: m.text, at: m.at, nlu: m.nlu }] : [],
  );
  const answered = answeredVisitorTurns(messages);
  const customer = c.customerId === null ? null : await store.getCustomer(c.customerId);
  const last = turns[turns.length - 1];
  if (last === undefined) return;
  const trigger = detectTrigger({ turns, customer, botAnsweredIds: answered }, engine.config.triggers);
  if (trigger !== null) {
    await handOff(engine, {
      conversation: c,
      trigger,
      topic: routingTopic(turns.map((t) => t.nlu)),
      sentiment: last.nlu.sentiment.score,
    });
    return;
  }
  const known = Object.fromEntries((await store.listFields(c.id)).map((f) => [f.name, f.value]));
  // A message that only supplies a field the bot asked for continues the earlier intent.
  const intent = last.nlu.intent === "none" ? (previousIntent(turns) ?? "none") : last.nlu.intent;
  const reply = engine.deps.reply(intent, c.language, known);
  if (reply.text.trim() !== "") await postMessage(engine, { conversationId: c.id, author: "bot", text: reply.text });
}

function answeredVisitorTurns(messages: readonly Message[]): string[] {
  const ids: string[] = [];
  let pending: string[] = [];
  for (const m of messages) {
    if (m.author === "visitor") pending.push(m.id);
    else if (m.author === "bot") {
      ids.push(...pending);
      pending = [];
    }
  }
  return ids;
}

function previousIntent(turns: readonly VisitorTurn[]): string | null {
  for (let i = turns.length - 2; i >= 0; i--) {
    const t = turns[i];
    if (t !== undefined && t.nlu.intent !== "none" && t.nlu.entities.length === 0) return t.nlu.intent;
  }
  return null;
}
