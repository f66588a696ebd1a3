import { type Kysely, sql } from "kysely";
import type { Attachment, CannedResponse, DeskStore, Note, ReadMark, TranscriptHit, VisitorDevice } from "../../ports/desk.store.js";
import type { AttachmentTable, BatonDatabase, CannedResponseTable, NoteTable } from "./database.js";
import { guardWrite } from "./db-errors.js";
import { readJson, writeJson } from "./json-column.js";
import type { StorageDialect } from "./storage-dialect.js";

type Db = Kysely<BatonDatabase>;

/** The words of a search, letters and digits only (so nothing reaches the FTS syntax but words). */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** The full-text query for one dialect: every word, the last one as a prefix. */
export function fullTextQuery(dialect: StorageDialect, words: readonly string[]): string {
  return dialect === "sqlite"
    ? words.map((w, i) => `"${w}"${i === words.length - 1 ? "*" : ""}`).join(" ")
    : words.map((w, i) => `${w}${i === words.length - 1 ? ":*" : ""}`).join(" & ");
}

/**
 * PostgreSQL's parser keeps "INV-2041" as "inv" and "-2041" (a signed number): splitting on
 * everything but letters and digits first makes both dialects see the same words. The index in
 * migration 0009 is on this very expression.
 */
export const PG_VECTOR = sql.raw(`to_tsvector('simple', regexp_replace(m.text, '[^[:alnum:]]+', ' ', 'g'))`);

/** The search query (compiled into the SQL snapshots). */
export const searchMessagesQuery = (dialect: StorageDialect, match: string, limit: number) =>
  dialect === "sqlite"
    ? sql<{ conversation_id: string; id: string; text: string; at: number }>`select m.conversation_id, m.id, m.text, m.at from messages_fts join messages m on m.seq = messages_fts.rowid where messages_fts match ${match} order by bm25(messages_fts), m.at desc limit ${limit}`
    : sql<{ conversation_id: string; id: string; text: string; at: number }>`select m.conversation_id, m.id, m.text, m.at from messages m where ${PG_VECTOR} @@ to_tsquery('simple', ${match}) order by ts_rank(${PG_VECTOR}, to_tsquery('simple', ${match})) desc, m.at desc limit ${limit}`;

export const listCannedQuery = (db: Db, filter: Parameters<DeskStore["listCanned"]>[0]) =>
  db
    .selectFrom("canned_responses")
    .selectAll()
    .where((eb) => {
      const teams = filter.teams === "all" ? eb("team", "is not", null) : filter.teams.length === 0 ? sql<boolean>`1 = 0` : eb("team", "in", filter.teams);
      return filter.ownerId === null ? teams : eb.or([teams, eb("owner_id", "=", filter.ownerId)]);
    })
    .orderBy("shortcut")
    .orderBy("id");

const cannedOf = (r: CannedResponseTable): CannedResponse => ({
  id: r.id,
  team: r.team,
  ownerId: r.owner_id,
  shortcut: r.shortcut,
  title: r.title,
  text: r.text,
  updatedAt: Number(r.updated_at),
});

const noteOf = (r: NoteTable): Note => ({
  id: r.id,
  conversationId: r.conversation_id,
  authorId: r.author_id,
  text: r.text,
  mentions: readJson<string[]>(r.mentions),
  at: Number(r.at),
});

const attachmentOf = (r: AttachmentTable): Attachment => ({
  id: r.id,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  uploader: r.uploader === "agent" ? "agent" : "visitor",
  uploaderId: r.uploader_id,
  name: r.name,
  contentType: r.content_type,
  size: Number(r.size),
  storageKey: r.storage_key,
  accessKey: r.access_key,
  createdAt: Number(r.created_at),
});

/**
 * DeskStore over Kysely: canned responses, notes and transcript search on SQLite and PostgreSQL.
 *
 * @example
 * const desk = new KyselyDeskStore(db, "sqlite");
 * await desk.searchMessages("invoice 2041", 20);
 */
export class KyselyDeskStore implements DeskStore {
  constructor(
    private readonly db: Db,
    private readonly dialect: StorageDialect,
  ) {}

  async saveCanned(c: CannedResponse): Promise<void> {
    const row = { id: c.id, team: c.team, owner_id: c.ownerId, shortcut: c.shortcut, title: c.title, text: c.text, updated_at: c.updatedAt };
    await this.db
      .insertInto("canned_responses")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet({ team: row.team, owner_id: row.owner_id, shortcut: row.shortcut, title: row.title, text: row.text, updated_at: row.updated_at }))
      .execute();
  }

  async getCanned(id: string): Promise<CannedResponse | null> {
    const r = await this.db.selectFrom("canned_responses").selectAll().where("id", "=", id).executeTakeFirst();
    return r === undefined ? null : cannedOf(r);
  }

  async deleteCanned(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("canned_responses").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async listCanned(filter: Parameters<DeskStore["listCanned"]>[0]): Promise<CannedResponse[]> {
    return (await listCannedQuery(this.db, filter).execute()).map(cannedOf);
  }

  async saveVisitorDevice(d: VisitorDevice): Promise<void> {
    const row = { visitor_id: d.visitorId, user_agent: d.userAgent, browser: d.browser, os: d.os, device: d.device, updated_at: d.updatedAt };
    await this.db
      .insertInto("visitor_devices")
      .values(row)
      .onConflict((oc) => oc.column("visitor_id").doUpdateSet({ user_agent: row.user_agent, browser: row.browser, os: row.os, device: row.device, updated_at: row.updated_at }))
      .execute();
  }

  async getVisitorDevice(visitorId: string): Promise<VisitorDevice | null> {
    const r = await this.db.selectFrom("visitor_devices").selectAll().where("visitor_id", "=", visitorId).executeTakeFirst();
    if (r === undefined) return null;
    return { visitorId: r.visitor_id, userAgent: r.user_agent, browser: r.browser, os: r.os, device: r.device, updatedAt: Number(r.updated_at) };
  }

  async saveReadMark(m: ReadMark): Promise<void> {
    const row = { conversation_id: m.conversationId, reader: m.reader, message_id: m.messageId, at: m.at };
    await this.db
      .insertInto("read_marks")
      .values(row)
      .onConflict((oc) => oc.columns(["conversation_id", "reader"]).doUpdateSet({ message_id: row.message_id, at: row.at }))
      .execute();
  }

  async listReadMarks(conversationId: string): Promise<ReadMark[]> {
    const rows = await this.db.selectFrom("read_marks").selectAll().where("conversation_id", "=", conversationId).orderBy("reader").execute();
    return rows.map((r) => ({ conversationId: r.conversation_id, reader: r.reader === "agent" ? "agent" : "visitor", messageId: r.message_id, at: Number(r.at) }));
  }

  async addAttachment(a: Attachment): Promise<void> {
    await guardWrite(
      () =>
        this.db
          .insertInto("attachments")
          .values({
            id: a.id,
            conversation_id: a.conversationId,
            message_id: a.messageId,
            uploader: a.uploader,
            uploader_id: a.uploaderId,
            name: a.name,
            content_type: a.contentType,
            size: a.size,
            storage_key: a.storageKey,
            access_key: a.accessKey,
            created_at: a.createdAt,
          })
          .execute(),
      { id: a.id, conversationId: a.conversationId },
    );
  }

  async getAttachment(id: string): Promise<Attachment | null> {
    const r = await this.db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst();
    return r === undefined ? null : attachmentOf(r);
  }

  async listAttachments(conversationId: string, since?: number): Promise<Attachment[]> {
    let q = this.db.selectFrom("attachments").selectAll().where("conversation_id", "=", conversationId);
    if (since !== undefined) q = q.where("created_at", ">=", since);
    return (await q.orderBy("created_at").orderBy("id").execute()).map(attachmentOf);
  }

  async addNote(n: Note): Promise<void> {
    await guardWrite(
      () =>
        this.db
          .insertInto("notes")
          .values({ id: n.id, conversation_id: n.conversationId, author_id: n.authorId, text: n.text, mentions: writeJson(n.mentions), at: n.at })
          .execute(),
      { id: n.id, conversationId: n.conversationId },
    );
  }

  async listNotes(conversationId: string): Promise<Note[]> {
    const rows = await this.db.selectFrom("notes").selectAll().where("conversation_id", "=", conversationId).orderBy("at").orderBy("id").execute();
    return rows.map(noteOf);
  }

  async searchMessages(query: string, limit: number): Promise<TranscriptHit[]> {
    const words = searchWords(query);
    if (words.length === 0 || limit <= 0) return [];
    const { rows } = await searchMessagesQuery(this.dialect, fullTextQuery(this.dialect, words), limit).execute(this.db);
    return rows.map((r) => ({ conversationId: r.conversation_id, messageId: r.id, text: r.text, at: Number(r.at) }));
  }
}
