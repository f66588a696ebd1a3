export { assertSchemaName, openPostgresKysely } from "./postgres-kysely.js";
export { LeaderLock, type Leadership, ROUTER_LOCK_KEY } from "./leader-lock.js";
