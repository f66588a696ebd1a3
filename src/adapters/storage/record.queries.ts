import type { Kysely } from "kysely";
import type { AgentProfile, Customer, Handoff, Presence } from "../../core/model.js";
import type { BotDeadLetter, CsatRecord, HandoffPatch, InboxItem, InboxPatch } from "../../ports/conversation.store.js";
import type { ConversationStore } from "../../ports/conversation.store.js";
import { handoffPatchToRow, handoffToRow } from "./conversation-rows.js";
import type { BatonDatabase } from "./database.js";
import { agentProfileToRow, botDeadLetterToRow, csatToRow, customerToRow, inboxPatchToRow, inboxToRow } from "./record-rows.js";

/* Query builders for handoffs, CSAT, the inbox, customers and agents (see conversation.queries.ts). */

type Db = Kysely<BatonDatabase>;
export type InboxFilter = Parameters<ConversationStore["listInbox"]>[0];

export const insertHandoff = (db: Db, h: Handoff) => db.insertInto("handoffs").values(handoffToRow(h));

/** Null when the patch touches no column. */
export const updateHandoffQuery = (db: Db, id: string, patch: HandoffPatch) => {
  const set = handoffPatchToRow(patch);
  return Object.keys(set).length === 0 ? null : db.updateTable("handoffs").set(set).where("id", "=", id);
};

export const selectHandoffId = (db: Db, id: string) => db.selectFrom("handoffs").select("id").where("id", "=", id);

export const listHandoffsQuery = (db: Db, conversationId: string) =>
  db
    .selectFrom("handoffs")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .orderBy("created_at")
    .orderBy("id");

/**
 * Handle times of the most recently opened resolved chats (their last handoff's assignment to
 * the resolution), newest first: what the wait estimates start from after a restart or a
 * failover. Uses the (state, created_at) index; a chat resolved by the bot has no assignment.
 */
export const recentHandleTimesQuery = (db: Db, limit: number) =>
  db
    .selectFrom("conversations as c")
    .innerJoin("handoffs as h", "h.conversation_id", "c.id")
    .select(["c.resolved_at as resolvedAt", "h.assigned_at as assignedAt"])
    .where("c.state", "=", "resolved")
    .where("c.resolved_at", "is not", null)
    .where("h.assigned_at", "is not", null)
    .where("h.id", "=", (eb) => eb.selectFrom("handoffs as last").select("last.id").whereRef("last.conversation_id", "=", "c.id").orderBy("last.created_at", "desc").orderBy("last.id", "desc").limit(1))
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit);

/** Created in [from, to), oldest first. */
export const listHandoffsBetweenQuery = (db: Db, from: number, to: number) =>
  db
    .selectFrom("handoffs")
    .selectAll()
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .orderBy("created_at")
    .orderBy("id");

/** One answer per conversation; a later answer replaces it. */
export const upsertCsatQuery = (db: Db, r: CsatRecord) => {
  const row = csatToRow(r);
  return db
    .insertInto("csat")
    .values(row)
    .onConflict((oc) =>
      oc.column("conversation_id").doUpdateSet({ score: row.score, comment: row.comment, segment: row.segment, at: row.at }),
    );
};

/** Answered in [from, to), oldest first. */
export const listCsatBetweenQuery = (db: Db, from: number, to: number) =>
  db
    .selectFrom("csat")
    .selectAll()
    .where("at", ">=", from)
    .where("at", "<", to)
    .orderBy("at")
    .orderBy("conversation_id");

export const insertInboxItem = (db: Db, i: InboxItem) => db.insertInto("inbox_items").values(inboxToRow(i));

/** Null when the patch touches no column. */
export const updateInboxItemQuery = (db: Db, id: string, patch: InboxPatch) => {
  const set = inboxPatchToRow(patch);
  return Object.keys(set).length === 0 ? null : db.updateTable("inbox_items").set(set).where("id", "=", id);
};

export const selectInboxItem = (db: Db, id: string) => db.selectFrom("inbox_items").selectAll().where("id", "=", id);

export const listInboxQuery = (db: Db, filter: InboxFilter) => {
  let q = db.selectFrom("inbox_items").selectAll();
  if (filter.status !== undefined) q = q.where("status", "=", filter.status);
  if (filter.conversationId !== undefined) q = q.where("conversation_id", "=", filter.conversationId);
  return q.orderBy("created_at").orderBy("id");
};

export const upsertCustomerQuery = (db: Db, c: Customer) => {
  const { id: _id, ...update } = customerToRow(c);
  return db
    .insertInto("customers")
    .values(customerToRow(c))
    .onConflict((oc) => oc.column("id").doUpdateSet(update));
};

export const selectCustomer = (db: Db, id: string) => db.selectFrom("customers").selectAll().where("id", "=", id);

/** Case-insensitive; uses the lower(email) index. */
export const selectCustomerByEmail = (db: Db, email: string) =>
  db
    .selectFrom("customers")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .orderBy("id")
    .limit(1);

/** New agents start offline; the password hash changes only when one is given. */
export const upsertAgentQuery = (db: Db, profile: AgentProfile, passwordHash?: string) => {
  const row = agentProfileToRow(profile);
  const { id: _id, ...update } = row;
  return db
    .insertInto("agents")
    .values({ ...row, presence: "offline", password_hash: passwordHash ?? "" })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet(passwordHash === undefined ? update : { ...update, password_hash: passwordHash }),
    );
};

export const selectAgent = (db: Db, id: string) => db.selectFrom("agents").selectAll().where("id", "=", id);

/** Case-insensitive; uses the lower(email) index. */
export const selectAgentByEmail = (db: Db, email: string) =>
  db
    .selectFrom("agents")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .orderBy("id")
    .limit(1);

export const listAgentsQuery = (db: Db) => db.selectFrom("agents").selectAll().orderBy("id");

export const updatePresenceQuery = (db: Db, id: string, presence: Presence) =>
  db.updateTable("agents").set({ presence }).where("id", "=", id);

export const updateCapQuery = (db: Db, id: string, cap: number) =>
  db.updateTable("agents").set({ cap }).where("id", "=", id);

export const insertBotDeadLetter = (db: Db, d: BotDeadLetter) => db.insertInto("bot_dead_letters").values(botDeadLetterToRow(d));

/** Newest first. */
export const listBotDeadLettersQuery = (db: Db, filter: { readonly botId?: string; readonly limit?: number }) => {
  let q = db.selectFrom("bot_dead_letters").selectAll();
  if (filter.botId !== undefined) q = q.where("bot_id", "=", filter.botId);
  return q.orderBy("created_at", "desc").orderBy("id", "desc").limit(filter.limit ?? 100);
};
