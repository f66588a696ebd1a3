export { assertSchemaName, openPostgresKysely } from "./postgres-kysely.js";
