import type { Kysely } from "kysely";
import type { Conversation, Field, Message, MessageTranslation } from "../../core/model.js";
import type { ConversationPatch, ConversationStore } from "../../ports/conversation.store.js";
import { conversationPatchToRow, conversationToRow, fieldToRow, messageToRow } from "./conversation-rows.js";
import type { BatonDatabase } from "./database.js";

/*
 * Query builders for conversations, messages and fields. The store executes them; the SQL
 * snapshots (src/queries/<dialect>/) compile the same builders, so review sees every change.
 */

type Db = Kysely<BatonDatabase>;
export type ConversationFilter = Parameters<ConversationStore["listConversations"]>[0];

export const MESSAGE_COLUMNS = [
  "id",
  "conversation_id",
  "client_message_id",
  "author",
  "author_id",
  "text",
  "at",
  "nlu",
  "translation",
  "extra",
] as const;

export const insertConversation = (db: Db, c: Conversation) =>
  db.insertInto("conversations").values(conversationToRow(c));

export const selectConversation = (db: Db, id: string) =>
  db.selectFrom("conversations").selectAll().where("id", "=", id);

/** Null when the patch touches no column. */
export const updateConversationQuery = (db: Db, id: string, patch: ConversationPatch) => {
  const set = conversationPatchToRow(patch);
  return Object.keys(set).length === 0 ? null : db.updateTable("conversations").set(set).where("id", "=", id);
};

/**
 * A routing write (state, assigned agent) by the router leader of `epoch`: it records the epoch
 * and is applied only while `epoch` is still the leader's (router_leader) and no later leader has
 * written the row. Nothing updated means the writer's epoch has passed (fencing). The leader row
 * is read FOR SHARE: a new leader's epoch raise, in flight or committed meanwhile, makes this
 * write wait and then re-check (refused), instead of slipping in on the statement's snapshot after
 * the new leader has already read the store to rebuild its router. PostgreSQL only: fencing
 * belongs to a cluster, and a cluster runs on PostgreSQL.
 */
export const fencedUpdateConversationQuery = (db: Db, id: string, patch: ConversationPatch, epoch: number) =>
  db
    .updateTable("conversations")
    .set({ ...conversationPatchToRow(patch), router_epoch: epoch })
    .where("id", "=", id)
    .where("router_epoch", "<=", epoch)
    .where((eb) => eb.exists(eb.selectFrom("router_leader").select("id").where("id", "=", 1).where("epoch", "=", epoch).forShare()));

/** Oldest first. An empty `states` list matches nothing, so callers skip the query. */
export const listConversationsQuery = (db: Db, filter: ConversationFilter) => {
  let q = db.selectFrom("conversations").selectAll();
  if (filter.states !== undefined) q = q.where("state", "in", [...filter.states]);
  if (filter.agentId !== undefined) q = q.where("assigned_agent_id", "=", filter.agentId);
  if (filter.visitorId !== undefined) q = q.where("visitor_id", "=", filter.visitorId);
  if (filter.customerId !== undefined) q = q.where("customer_id", "=", filter.customerId);
  q = q.orderBy("created_at").orderBy("id");
  return filter.limit === undefined ? q : q.limit(filter.limit);
};

/** Inserts unless any unique key (id, or conversation + client id) already exists; returns the id if stored. */
export const insertMessageOnce = (db: Db, m: Message) =>
  db
    .insertInto("messages")
    .values(messageToRow(m))
    .onConflict((oc) => oc.doNothing())
    .returning("id");

export const selectMessageByClientId = (db: Db, conversationId: string, clientMessageId: string) =>
  db
    .selectFrom("messages")
    .select(MESSAGE_COLUMNS)
    .where("conversation_id", "=", conversationId)
    .where("client_message_id", "=", clientMessageId);

export const selectMessageById = (db: Db, id: string) =>
  db.selectFrom("messages").select(MESSAGE_COLUMNS).where("id", "=", id);

/** Stores (or replaces) a message's translation; the original text is never touched. */
export const setMessageTranslationQuery = (db: Db, id: string, translation: MessageTranslation | null) =>
  db.updateTable("messages").set({ translation: translation === null ? null : JSON.stringify(translation) }).where("id", "=", id);

/** By `at`, then insertion order. */
export const listMessagesQuery = (db: Db, conversationId: string) =>
  db
    .selectFrom("messages")
    .select(MESSAGE_COLUMNS)
    .where("conversation_id", "=", conversationId)
    .orderBy("at")
    .orderBy("seq");

export const upsertFieldQuery = (db: Db, conversationId: string, f: Field) => {
  const row = fieldToRow(conversationId, f);
  return db
    .insertInto("fields")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["conversation_id", "name"]).doUpdateSet({ value: row.value, source: row.source, at: row.at }),
    );
};

export const listFieldsQuery = (db: Db, conversationId: string) =>
  db.selectFrom("fields").selectAll().where("conversation_id", "=", conversationId).orderBy("at").orderBy("name");

export const insertUndecided = (db: Db, m: Pick<Message, "id" | "conversationId" | "at">) =>
  db
    .insertInto("undecided_messages")
    .values({ message_id: m.id, conversation_id: m.conversationId, at: m.at })
    .onConflict((oc) => oc.doNothing());

export const deleteUndecided = (db: Db, messageIds: readonly string[]) =>
  db.deleteFrom("undecided_messages").where("message_id", "in", [...messageIds]);

/** Undecided messages with their text and NLU, oldest first. */
export const listUndecidedQuery = (db: Db, filter: { readonly conversationId?: string; readonly limit?: number }) => {
  let q = db
    .selectFrom("undecided_messages as u")
    .innerJoin("messages as m", "m.id", "u.message_id")
    .select(MESSAGE_COLUMNS.map((c) => `m.${c}` as const));
  if (filter.conversationId !== undefined) q = q.where("u.conversation_id", "=", filter.conversationId);
  q = q.orderBy("m.at").orderBy("m.seq");
  return filter.limit === undefined ? q : q.limit(filter.limit);
};
