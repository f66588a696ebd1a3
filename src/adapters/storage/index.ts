export type { BatonDatabase } from "./database.js";
export { KyselyAgentDirectory } from "./kysely-agent.directory.js";
export { KyselyConversationStore } from "./kysely-conversation.store.js";
export { KyselyDeskStore } from "./kysely-desk.store.js";
export { KyselyVisitorSessionStore } from "./kysely-visitor-session.store.js";
export { migrateToLatest } from "./migrate.js";
export {
  type OpenedStore,
  type OpenStoreOptions,
  openStore,
  parseStoreUrl,
  type StoreLocation,
} from "./open-store.js";
export { type DialectTraits, type StorageDialect, traitsOf } from "./storage-dialect.js";
