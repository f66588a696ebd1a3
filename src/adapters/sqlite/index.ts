export { openSqliteKysely } from "./sqlite-kysely.js";
