export { assertSchemaName, openPostgresKysely } from "./postgres-kysely.js";
export { LeaderLock, type LeaderLockOptions, type Leadership, ROUTER_LOCK_KEY } from "./leader-lock.js";
