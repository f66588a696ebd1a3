import {
  type Compilable,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { Message } from "../../core/model.js";
import * as cq from "./conversation.queries.js";
import type { BatonDatabase } from "./database.js";
import { findResumeTokenQuery } from "./kysely-visitor-session.store.js";
import { fullTextQuery, listCannedQuery, searchMessagesQuery } from "./kysely-desk.store.js";
import { migrationsFor } from "./migrations/index.js";
import * as rq from "./record.queries.js";
import { type StorageDialect, traitsOf } from "./storage-dialect.js";

/** A Kysely that compiles and logs but never connects. */
function offlineKysely(dialect: StorageDialect, log?: (sql: string) => void): Kysely<BatonDatabase> {
  const pieces =
    dialect === "sqlite"
      ? { adapter: new SqliteAdapter(), compiler: new SqliteQueryCompiler(), introspector: SqliteIntrospector }
      : { adapter: new PostgresAdapter(), compiler: new PostgresQueryCompiler(), introspector: PostgresIntrospector };
  return new Kysely<BatonDatabase>({
    dialect: {
      createAdapter: () => pieces.adapter,
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new pieces.introspector(db),
      createQueryCompiler: () => pieces.compiler,
    },
    ...(log === undefined ? {} : { log: (event) => log(event.query.sql) }),
  });
}

const T = 1_795_000_000_000;
const sampleMessage: Message = {
  id: "m",
  conversationId: "c",
  clientMessageId: "k",
  author: "visitor",
  authorId: null,
  text: "t",
  at: T,
  nlu: null,
};

/** The store's main queries with representative arguments (every optional filter set). */
function sampleQueries(db: Kysely<BatonDatabase>, dialect: StorageDialect): Readonly<Record<string, Compilable | null>> {
  return {
    "conversation-get": cq.selectConversation(db, "c"),
    "conversation-update": cq.updateConversationQuery(db, "c", { state: "queued", assignedAgentId: null, updatedAt: T }),
    // A cluster's (PostgreSQL only).
    ...(dialect === "postgres" ? { "conversation-update-fenced": cq.fencedUpdateConversationQuery(db, "c", { state: "assigned", assignedAgentId: "a", updatedAt: T }, 7) } : {}),
    "conversation-list": cq.listConversationsQuery(db, { states: ["queued", "assigned"], agentId: "a", visitorId: "v", limit: 50 }),
    "message-insert-once": cq.insertMessageOnce(db, sampleMessage),
    "message-by-client-id": cq.selectMessageByClientId(db, "c", "k"),
    "message-list": cq.listMessagesQuery(db, "c"),
    "message-set-translation": cq.setMessageTranslationQuery(db, "m", { text: "Hello", from: "es", to: "en", via: null, edited: false, error: null }),
    "undecided-insert": cq.insertUndecided(db, sampleMessage),
    "undecided-delete": cq.deleteUndecided(db, ["m", "n"]),
    "undecided-list": cq.listUndecidedQuery(db, { conversationId: "c", limit: 100 }),
    "field-upsert": cq.upsertFieldQuery(db, "c", { name: "email", value: "v", source: { kind: "crm" }, at: T }),
    "field-list": cq.listFieldsQuery(db, "c"),
    "handoff-update": rq.updateHandoffQuery(db, "h", { toAgentId: "a", assignedAt: T }),
    "handoff-list": rq.listHandoffsQuery(db, "c"),
    "handoff-between": rq.listHandoffsBetweenQuery(db, T, T + 1),
    "handoff-recent-handle-times": rq.recentHandleTimesQuery(db, 200),
    "csat-upsert": rq.upsertCsatQuery(db, { conversationId: "c", score: 5, comment: null, segment: "bot_only", at: T }),
    "csat-between": rq.listCsatBetweenQuery(db, T, T + 1),
    "inbox-update": rq.updateInboxItemQuery(db, "i", { status: "replied", reply: "r", repliedBy: "a", repliedAt: T }),
    "inbox-list": rq.listInboxQuery(db, { status: "open", conversationId: "c" }),
    "customer-by-email": rq.selectCustomerByEmail(db, "E@x"),
    "agent-upsert-with-password": rq.upsertAgentQuery(
      db,
      {
        id: "a",
        name: "n",
        email: "e",
        role: "agent",
        teams: [],
        skills: [],
        languages: [],
        translationEnabled: false,
        senior: false,
        cap: 1,
      },
      "s:h",
    ),
    "agent-by-email": rq.selectAgentByEmail(db, "E@x"),
    "agent-set-presence": rq.updatePresenceQuery(db, "a", "online"),
    "resume-token-find": findResumeTokenQuery(db, "h", T),
    "bot-dead-letter-list": rq.listBotDeadLettersQuery(db, { botId: "b", limit: 50 }),
    "canned-list": listCannedQuery(db, { teams: ["billing"], ownerId: "a" }),
    "message-search": { compile: () => searchMessagesQuery(dialect, fullTextQuery(dialect, ["invoice", "20"]), 20).compile(db) },
  };
}

/**
 * The SQL snapshot files for one dialect: name → file text. `schema` holds the migrations' DDL;
 * the other entries are the store's main queries. Written by scripts/sync-sql.ts into
 * src/queries/<dialect>/, and a test fails when the files drift from the code.
 *
 * @example
 * const files = await renderSqlSnapshots("postgres");
 * files.get("message-insert-once"); // "-- generated ...\ninsert into \"messages\" ... on conflict do nothing ..."
 */
export async function renderSqlSnapshots(dialect: StorageDialect): Promise<ReadonlyMap<string, string>> {
  const header = `-- Generated by scripts/sync-sql.ts (npm run sync:sql) for ${dialect}. Do not edit.\n`;
  const ddl: string[] = [];
  for (const migration of Object.values(migrationsFor(traitsOf(dialect)))) {
    await migration.up(offlineKysely(dialect, (s) => ddl.push(s)) as Kysely<unknown>);
  }
  const files = new Map<string, string>([["schema", header + ddl.map((s) => `${s};\n`).join("")]]);
  for (const [name, query] of Object.entries(sampleQueries(offlineKysely(dialect), dialect))) {
    if (query === null) throw new Error(`snapshot ${name} built no query`);
    files.set(name, `${header}${query.compile().sql};\n`);
  }
  return files;
}
