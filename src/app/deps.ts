import type { BatonConfig } from "../core/config/index.js";
import type { AgentDirectory, BlobStorage, BotTransport, Clock, ConversationStore, Crm, DeskStore, Mailer, Nlu, Publisher, Translator } from "../ports/index.js";

/** The bot's reply for an intent: pure, from the bot corpus (see src/adapters/nlu/answer-for.ts). */
export type BotReplier = (
  intent: string,
  language: string,
  knownFields: Readonly<Record<string, string>>,
) => { readonly text: string; readonly askField: string | null };

/** The few log calls the app makes; pino satisfies it. */
export interface AppLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Everything a use case may touch. Built once at boot (src/server/main.ts) or in tests. */
export interface AppDeps {
  readonly store: ConversationStore;
  readonly agents: AgentDirectory;
  /** Canned responses, private notes, transcript search. */
  readonly desk: DeskStore;
  /** Attachment bytes (local disk, or an S3-compatible bucket). */
  readonly blobs: BlobStorage;
  readonly nlu: Nlu;
  readonly reply: BotReplier;
  readonly clock: Clock;
  readonly publisher: Publisher;
  readonly mailer: Mailer;
  readonly crm: Crm;
  readonly config: BatonConfig;
  readonly log: AppLogger;
  readonly newId: () => string;
  /** Machine translation between visitor and agent; absent or null: none (translation agents serve only their own languages). */
  readonly translator?: Translator | null;
  /** External bots (webhook, Rasa); absent: every external bot counts as unavailable. */
  readonly botTransport?: BotTransport;
}
