import type { Kysely } from "kysely";
import { DomainError } from "../../core/errors.js";
import type { AgentDirectory } from "../../ports/agent.directory.js";
import type { ConversationStore } from "../../ports/conversation.store.js";
import type { DeskStore } from "../../ports/desk.store.js";
import type { VisitorSessionStore } from "../../ports/visitor-session.store.js";
import { openPostgresKysely } from "../postgres/postgres-kysely.js";
import { openSqliteKysely } from "../sqlite/sqlite-kysely.js";
import type { BatonDatabase } from "./database.js";
import { KyselyAgentDirectory } from "./kysely-agent.directory.js";
import { KyselyConversationStore } from "./kysely-conversation.store.js";
import { KyselyDeskStore } from "./kysely-desk.store.js";
import { KyselyVisitorSessionStore } from "./kysely-visitor-session.store.js";
import { migrateToLatest } from "./migrate.js";
import { type StorageDialect, traitsOf } from "./storage-dialect.js";

/** An open store: both ports over one connection (pool), migrated to the latest schema. */
export interface OpenedStore {
  readonly conversations: ConversationStore;
  readonly agents: AgentDirectory;
  /** Visitors' resume tokens (hashed). */
  readonly sessions: VisitorSessionStore;
  /** Canned responses, notes, transcript search. */
  readonly desk: DeskStore;
  readonly dialect: StorageDialect;
  /**
   * Cluster: from now on, routing writes (a conversation's state or assigned agent) carry this
   * router-leader epoch and are refused once a later leader was elected. null: unfenced (one node).
   */
  fenceRoutingWrites(epoch: number | null): void;
  /** Closes the connection or pool; safe to call more than once. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PostgreSQL only: keep the tables in this schema (created if missing). */
  readonly schema?: string;
}

/** Where a storage URL points. */
export type StoreLocation =
  | { readonly kind: "sqlite"; readonly path: string }
  | { readonly kind: "postgres"; readonly url: string };

/**
 * Reads a storage URL: "sqlite:./data/baton.db", "sqlite::memory:", "sqlite:///abs/path.db",
 * "postgres://..." or "postgresql://...".
 *
 * @example
 * parseStoreUrl("sqlite::memory:"); // { kind: "sqlite", path: ":memory:" }
 */
export function parseStoreUrl(url: string): StoreLocation {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  if (url.startsWith("sqlite:")) {
    const rest = url.slice("sqlite:".length);
    const path = rest.startsWith("//") ? rest.slice(2) : rest;
    if (path === "") throw new DomainError("invalid_config", `storage URL "${url}" names no SQLite file`);
    return { kind: "sqlite", path };
  }
  throw new DomainError(
    "invalid_config",
    `storage URL "${url}" is not understood: use sqlite:<file>, sqlite::memory: or postgres://...`,
  );
}

/**
 * Opens Baton's storage and runs pending migrations.
 *
 * @example
 * const store = await openStore("sqlite:./data/baton.db");
 * await store.conversations.createConversation(conversation);
 * await store.close();
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const location = parseStoreUrl(url);
  if (location.kind === "sqlite" && options.schema !== undefined) {
    throw new DomainError("invalid_config", "the schema option is for PostgreSQL only");
  }
  const db: Kysely<BatonDatabase> =
    location.kind === "sqlite"
      ? openSqliteKysely(location.path)
      : await openPostgresKysely(location.url, options.schema);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= db.destroy();
    return closing;
  };
  try {
    await migrateToLatest(db, traitsOf(location.kind), options.schema);
  } catch (e) {
    await close();
    throw e;
  }
  const fence: { epoch: number | null } = { epoch: null };
  return {
    conversations: new KyselyConversationStore(db, close, fence),
    fenceRoutingWrites: (epoch) => {
      fence.epoch = epoch;
    },
    agents: new KyselyAgentDirectory(db),
    sessions: new KyselyVisitorSessionStore(db),
    desk: new KyselyDeskStore(db, location.kind),
    dialect: location.kind,
    close,
  };
}
