import type { Kysely } from "kysely";
import { DomainError } from "../../core/errors.js";
import type { Conversation, Customer, Field, Handoff, Message, MessageTranslation } from "../../core/model.js";
import type {
  BotDeadLetter,
  ConversationPatch,
  ConversationStore,
  CsatRecord,
  HandoffPatch,
  InboxItem,
  InboxPatch,
} from "../../ports/conversation.store.js";
import * as cq from "./conversation.queries.js";
import { conversationFromRow, fieldFromRow, handoffFromRow, messageFromRow } from "./conversation-rows.js";
import type { BatonDatabase } from "./database.js";
import { guardWrite } from "./db-errors.js";
import * as rq from "./record.queries.js";
import { botDeadLetterFromRow, csatFromRow, customerFromRow, inboxFromRow } from "./record-rows.js";

/**
 * ConversationStore over Kysely; the same SQL serves SQLite and PostgreSQL. Built by `openStore`.
 *
 * @example
 * const store = new KyselyConversationStore(db, () => db.destroy());
 * await store.transaction(async (tx) => { await tx.createConversation(c); await tx.appendMessage(m); });
 */
export class KyselyConversationStore implements ConversationStore {
  constructor(
    private readonly db: Kysely<BatonDatabase>,
    private readonly closeAll: () => Promise<void>,
    /** Cluster: the router leader's epoch its routing writes are fenced with (null: one node, unfenced). */
    private readonly fence: { epoch: number | null } = { epoch: null },
  ) {}

  /** Nested calls run inside the outer transaction. */
  transaction<T>(fn: (tx: ConversationStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db
      .transaction()
      .execute((trx) => fn(new KyselyConversationStore(trx, () => rejectCloseInTransaction(), this.fence)));
  }

  async createConversation(c: Conversation): Promise<void> {
    await guardWrite(() => cq.insertConversation(this.db, c).execute(), { id: c.id, conversationId: c.id });
  }

  async getConversation(id: string): Promise<Conversation | null> {
    const row = await cq.selectConversation(this.db, id).executeTakeFirst();
    return row === undefined ? null : conversationFromRow(row);
  }

  async updateConversation(id: string, patch: ConversationPatch): Promise<Conversation> {
    const epoch = this.fence.epoch;
    if (epoch !== null && (patch.state !== undefined || patch.assignedAgentId !== undefined)) {
      const done = await cq.fencedUpdateConversationQuery(this.db, id, patch, epoch).executeTakeFirst();
      if (done.numUpdatedRows === 0n && (await this.getConversation(id)) !== null) {
        throw new DomainError("stale_leader", `routing write refused: epoch ${epoch} is no longer the router leader's`, { id, epoch });
      }
    } else {
      await cq.updateConversationQuery(this.db, id, patch)?.execute();
    }
    const updated = await this.getConversation(id);
    if (updated === null) throw new DomainError("conversation_not_found", `no conversation ${id}`, { id });
    return updated;
  }

  async listConversations(filter: cq.ConversationFilter): Promise<Conversation[]> {
    if (filter.states !== undefined && filter.states.length === 0) return [];
    return (await cq.listConversationsQuery(this.db, filter).execute()).map(conversationFromRow);
  }

  async appendMessage(m: Message): Promise<{ message: Message; duplicate: boolean }> {
    const inserted = await guardWrite(() => cq.insertMessageOnce(this.db, m).executeTakeFirst(), {
      id: m.id,
      conversationId: m.conversationId,
    });
    if (inserted !== undefined) return { message: m, duplicate: false };
    const existing =
      (m.clientMessageId === null
        ? undefined
        : await cq.selectMessageByClientId(this.db, m.conversationId, m.clientMessageId).executeTakeFirst()) ??
      (await cq.selectMessageById(this.db, m.id).executeTakeFirst());
    if (existing === undefined) {
      throw new DomainError("conflict", `message ${m.id} was neither stored nor found`, { id: m.id });
    }
    return { message: messageFromRow(existing), duplicate: true };
  }

  async listMessages(conversationId: string): Promise<Message[]> {
    return (await cq.listMessagesQuery(this.db, conversationId).execute()).map(messageFromRow);
  }

  async setMessageTranslation(messageId: string, translation: MessageTranslation | null): Promise<void> {
    await guardWrite(() => cq.setMessageTranslationQuery(this.db, messageId, translation).execute(), { id: messageId });
  }

  async recordUndecided(m: Pick<Message, "id" | "conversationId" | "at">): Promise<void> {
    await guardWrite(() => cq.insertUndecided(this.db, m).execute(), { id: m.id, conversationId: m.conversationId });
  }

  async markDecided(messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    await cq.deleteUndecided(this.db, messageIds).execute();
  }

  async listUndecided(filter: { readonly conversationId?: string; readonly limit?: number }): Promise<Message[]> {
    return (await cq.listUndecidedQuery(this.db, filter).execute()).map(messageFromRow);
  }

  async upsertField(conversationId: string, f: Field): Promise<void> {
    await guardWrite(() => cq.upsertFieldQuery(this.db, conversationId, f).execute(), { conversationId, name: f.name });
  }

  async listFields(conversationId: string): Promise<Field[]> {
    return (await cq.listFieldsQuery(this.db, conversationId).execute()).map(fieldFromRow);
  }

  async createHandoff(h: Handoff): Promise<void> {
    await guardWrite(() => rq.insertHandoff(this.db, h).execute(), { id: h.id, conversationId: h.conversationId });
  }

  async updateHandoff(id: string, patch: HandoffPatch): Promise<void> {
    const update = rq.updateHandoffQuery(this.db, id, patch);
    const found =
      update === null
        ? (await rq.selectHandoffId(this.db, id).executeTakeFirst()) !== undefined
        : (await update.executeTakeFirst()).numUpdatedRows > 0n;
    if (!found) throw new DomainError("not_found", `no handoff ${id}`, { id });
  }

  async listHandoffs(conversationId: string): Promise<Handoff[]> {
    return (await rq.listHandoffsQuery(this.db, conversationId).execute()).map(handoffFromRow);
  }

  async recentHandleSeconds(limit: number): Promise<number[]> {
    const rows = await rq.recentHandleTimesQuery(this.db, limit).execute();
    return rows
      .map((r) => (Number(r.resolvedAt) - Number(r.assignedAt)) / 1000)
      .filter((s) => Number.isFinite(s) && s >= 0)
      .reverse();
  }

  async listHandoffsBetween(from: number, to: number): Promise<Handoff[]> {
    return (await rq.listHandoffsBetweenQuery(this.db, from, to).execute()).map(handoffFromRow);
  }

  /** One answer per conversation: answering again replaces the earlier answer. */
  async recordCsat(r: CsatRecord): Promise<void> {
    await guardWrite(() => rq.upsertCsatQuery(this.db, r).execute(), { conversationId: r.conversationId });
  }

  async listCsatBetween(from: number, to: number): Promise<CsatRecord[]> {
    return (await rq.listCsatBetweenQuery(this.db, from, to).execute()).map(csatFromRow);
  }

  async createInboxItem(i: InboxItem): Promise<void> {
    await guardWrite(() => rq.insertInboxItem(this.db, i).execute(), { id: i.id, conversationId: i.conversationId });
  }

  async updateInboxItem(id: string, patch: InboxPatch): Promise<InboxItem> {
    await rq.updateInboxItemQuery(this.db, id, patch)?.execute();
    const row = await rq.selectInboxItem(this.db, id).executeTakeFirst();
    if (row === undefined) throw new DomainError("not_found", `no inbox item ${id}`, { id });
    return inboxFromRow(row);
  }

  async listInbox(filter: rq.InboxFilter): Promise<InboxItem[]> {
    return (await rq.listInboxQuery(this.db, filter).execute()).map(inboxFromRow);
  }

  async upsertCustomer(c: Customer): Promise<void> {
    await rq.upsertCustomerQuery(this.db, c).execute();
  }

  async getCustomer(id: string): Promise<Customer | null> {
    const row = await rq.selectCustomer(this.db, id).executeTakeFirst();
    return row === undefined ? null : customerFromRow(row);
  }

  async findCustomerByEmail(email: string): Promise<Customer | null> {
    const row = await rq.selectCustomerByEmail(this.db, email).executeTakeFirst();
    return row === undefined ? null : customerFromRow(row);
  }

  async recordBotDeadLetter(d: BotDeadLetter): Promise<void> {
    await guardWrite(() => rq.insertBotDeadLetter(this.db, d).execute(), { id: d.id, conversationId: d.conversationId });
  }

  async listBotDeadLetters(filter: { readonly botId?: string; readonly limit?: number }): Promise<BotDeadLetter[]> {
    return (await rq.listBotDeadLettersQuery(this.db, filter).execute()).map(botDeadLetterFromRow);
  }

  /** Closes the whole store (both ports); on a transaction-bound store it rejects. */
  close(): Promise<void> {
    return this.closeAll();
  }
}

function rejectCloseInTransaction(): Promise<void> {
  return Promise.reject(new Error("close() the store, not a transaction bound to it"));
}
