import type { Migration } from "kysely";
import type { DialectTraits } from "../storage-dialect.js";
import { initialMigration } from "./0001-initial.js";
import { undecidedMessagesMigration } from "./0002-undecided-messages.js";
import { visitorSessionsMigration } from "./0003-visitor-sessions.js";
import { handoffAsyncPromiseMigration } from "./0004-handoff-async-promise.js";
import { routerLeaderMigration } from "./0006-router-leader.js";
import { messageTranslationsMigration } from "./0007-message-translations.js";
import { externalBotsMigration } from "./0008-external-bots.js";
import { deskMigration } from "./0009-desk.js";
import { readMarksMigration } from "./0010-read-marks.js";

/**
 * Every migration, keyed by name in apply order, built for one dialect.
 *
 * @example
 * const migrations = migrationsFor(traitsOf("postgres"));
 */
export function migrationsFor(traits: DialectTraits): Readonly<Record<string, Migration>> {
  return {
    "0001-initial": initialMigration(traits),
    "0002-undecided-messages": undecidedMessagesMigration(),
    "0003-visitor-sessions": visitorSessionsMigration(traits),
    "0004-handoff-async-promise": handoffAsyncPromiseMigration(),
    "0006-router-leader": routerLeaderMigration(),
    "0007-message-translations": messageTranslationsMigration(),
    "0008-external-bots": externalBotsMigration(),
    "0009-desk": deskMigration(traits),
    "0010-read-marks": readMarksMigration(),
  };
}
