import { transition } from "../core/conversation/index.js";
import { BOT_TRIGGER_SWITCHES, type ExternalBotConfig } from "../core/config/index.js";
import type { Conversation, Field, Message, TriggerKind } from "../core/model.js";
import { routingTopic, visitorTopicTurns } from "../core/rules/index.js";
import { detectTrigger, type VisitorTurn } from "../core/triggers/index.js";
import { handOffUnavailable } from "./bot-deliveries.js";
import type { Engine } from "./engine.js";
import { handOff } from "./hand-off.js";
import { defaultAuthorName, publishMessage } from "./post-message.js";

/**
 * Decides a conversation's undecided visitor messages (the outbox): their fields, the page and
 * language they bring, and, while the bot has the chat, the bot's turn or the handoff. The outbox
 * rows go in the transaction that records the decision, so a crash at any step leaves them to be
 * decided again, on the client's retry or at start-up, and a decision is never taken twice.
 */
export async function decideVisitorMessages(
  engine: Engine,
  conversationId: string,
  page?: { url: string; title: string } | undefined,
): Promise<void> {
  const { store } = engine.deps;
  const pending = await store.listUndecided({ conversationId });
  const last = pending.at(-1);
  if (last === undefined) return;
  const ids = pending.map((m) => m.id);
  // The visitor wrote: not idle after the bot's answer any more.
  engine.botAnswered.delete(conversationId);
  let c = await engine.conversation(conversationId);
  for (const m of pending) {
    for (const e of m.nlu?.entities ?? []) {
      await store.upsertField(c.id, { name: e.field, value: e.value, source: { kind: "message", messageId: m.id }, at: m.at });
    }
  }
  const patch: Partial<Conversation> = {};
  if (page !== undefined) Object.assign(patch, { page });
  const nlu = last.nlu;
  if (c.state === "bot" && nlu !== null && nlu.languageConfidence >= 0.5 && nlu.language !== c.language && last.text.trim().length >= 12) {
    Object.assign(patch, { language: nlu.language });
  }
  if (c.state === "resolved") Object.assign(patch, { state: transition(c.state, "reopened"), resolvedAt: null });
  if (Object.keys(patch).length > 0) c = await store.updateConversation(c.id, { ...patch, updatedAt: last.at });
  if (c.state === "async") for (const m of pending) await addToInbox(engine, c.id, m);
  if (c.state === "bot") await botTurn(engine, c, await store.listMessages(c.id), ids, pending);
  else await store.markDecided(ids);
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

/**
 * After a (re)start: decides every message the last run stored but did not decide, oldest first,
 * conversation by conversation. Returns how many conversations were decided.
 */
export async function decideUndecidedMessages(engine: Engine): Promise<number> {
  const pending = await engine.deps.store.listUndecided({});
  const conversations = [...new Set(pending.map((m) => m.conversationId))];
  for (const id of conversations) {
    try {
      await decideVisitorMessages(engine, id);
    } catch (err) {
      engine.deps.log.error({ err, conversationId: id }, "could not decide a stored visitor message");
    }
  }
  return conversations.length;
}

/**
 * The bot's turn: hand off when a trigger fires, otherwise answer or ask for a missing field.
 * With an external bot, Baton's triggers (those its owner left on) still read each message; the
 * message then goes to the bot off the visitor's path (see BotDeliveries). With no bot, the chat
 * goes straight to the handoff rules.
 */
async function botTurn(engine: Engine, c: Conversation, messages: readonly Message[], decided: readonly string[], pending: readonly Message[]): Promise<void> {
  const { store } = engine.deps;
  const turns: VisitorTurn[] = messages.flatMap((m) =>
    m.author === "visitor" && m.nlu !== null ? [{ messageId: m.id, text: m.text, at: m.at, nlu: m.nlu }] : [],
  );
  const answered = answeredVisitorTurns(messages);
  const customer = c.customerId === null ? null : await store.getCustomer(c.customerId);
  const last = turns[turns.length - 1];
  if (last === undefined) {
    await store.markDecided(decided);
    return;
  }
  const botId = c.bot ?? "builtin";
  const external = engine.config.bots.external.find((b) => b.id === botId) ?? null;
  const trigger = detectTrigger({ turns, customer, botAnsweredIds: answered }, engine.config.triggers, botId === "builtin" ? undefined : enabledTriggers(external));
  if (trigger !== null) {
    await handOff(engine, { conversation: c, trigger, topic: routingTopic(visitorTopicTurns(messages)), sentiment: last.nlu.sentiment.score, decided });
    return;
  }
  if (botId !== "builtin") {
    if (external === null) {
      const why = botId === "none" ? "this site has no bot" : `bot "${botId}" is not configured any more`;
      await handOffUnavailable(engine, c.id, why, [last.messageId], 0, decided);
      return;
    }
    // Each message leaves the outbox when its delivery ends (see BotDeliveries): at least once.
    for (const m of pending) engine.botDeliveries.enqueue(engine, external, c.id, m.id);
    return;
  }
  const fields = await store.listFields(c.id);
  const known: Record<string, string> = Object.fromEntries(fields.map((f) => [f.name, f.value]));
  // A message that answers the field the bot just asked for continues the bot's earlier intent.
  const answer = answerToBotQuestion(engine, c, messages, last, fields, new Set(decided));
  if (answer !== null && known[answer.field] !== answer.value) {
    await store.upsertField(c.id, { name: answer.field, value: answer.value, source: { kind: "message", messageId: last.messageId }, at: last.at });
    known[answer.field] = answer.value;
  }
  const intent = answer?.intent ?? last.nlu.intent;
  const reply = engine.deps.reply(intent, c.language, known);
  if (reply.text.trim() === "") {
    await store.markDecided(decided);
    return;
  }
  const m: Message = { id: engine.deps.newId(), conversationId: c.id, clientMessageId: null, author: "bot", authorId: null, text: reply.text, at: engine.now(), nlu: null };
  // The answer and the end of the decision commit together: a retry never answers twice.
  await store.transaction(async (tx) => {
    await tx.appendMessage(m);
    await tx.markDecided(decided);
  });
  publishMessage(engine, m, defaultAuthorName("bot"), null);
  // An answer (not a question for a missing field, not "I did not understand"): the visitor may go quiet now.
  if (reply.askField === null && intent !== "none" && engine.config.bot.resolveWhenIdleSeconds > 0) engine.botAnswered.set(c.id, m.at);
}

/**
 * Baton's triggers on an external bot's chats: those its owner left on, never the confidence drop
 * on Baton's own reading (Baton's intents are not the bot's; the bot's reported confidence drives it).
 */
function enabledTriggers(bot: ExternalBotConfig | null): ReadonlySet<TriggerKind> {
  const on = new Set<TriggerKind>(BOT_TRIGGER_SWITCHES.filter((k) => bot === null || bot.triggers[k]));
  on.delete("confidence_drop");
  return on;
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

/** Words besides the entities a reply to "Could you give me your order number?" may hold ("sure, it's A-12345"). */
const SHORT_ANSWER_WORDS = 4;

/**
 * Whether the visitor's latest message answers the question the bot just asked: the bot's latest
 * message is the question for a field of the intent it was serving (recomputed from the visitor
 * turn it answered and the fields known before this message), and this message carries a value.
 * The value is the entity the extractor read as that field, or, in a short answer, whatever
 * entity it holds (a bare "A-12345" reads as an error code; asked for an order number, it is
 * one). Null otherwise: a message the bot could not read after a greeting is not a greeting.
 */
function answerToBotQuestion(
  engine: Engine,
  c: Conversation,
  messages: readonly Message[],
  last: VisitorTurn,
  fields: readonly Field[],
  pending: ReadonlySet<string>,
): { intent: string; field: string; value: string } | null {
  const botAt = messages.findLastIndex((m) => m.author === "bot");
  if (botAt < 0) return null;
  const served = messages.slice(0, botAt).findLast((m) => m.author === "visitor" && m.nlu !== null);
  const intent = served?.nlu?.intent;
  if (intent === undefined || intent === "none") return null;
  const before = Object.fromEntries(fields.filter((f) => f.source.kind !== "message" || !pending.has(f.source.messageId)).map((f) => [f.name, f.value]));
  const asked = engine.deps.reply(intent, c.language, before);
  if (asked.askField === null || asked.text !== messages[botAt]?.text) return null;
  const entities = last.nlu.entities;
  let rest = last.text;
  for (const e of entities) rest = rest.replace(e.value, " ");
  const short = (rest.match(/[\p{L}\p{N}]+/gu) ?? []).length <= SHORT_ANSWER_WORDS;
  const value = entities.find((e) => e.field === asked.askField)?.value ?? (short ? entities[0]?.value : undefined);
  if (value === undefined) return null;
  // A long message that happens to hold the value keeps its own intent when it has one.
  if (!short && last.nlu.intent !== "none") return { intent: last.nlu.intent, field: asked.askField, value };
  return { intent, field: asked.askField, value };
}
