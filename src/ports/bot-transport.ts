import type { ExternalBotConfig } from "../core/config/index.js";
import type { BotButton, Topic } from "../core/model.js";

/** What Baton tells an external bot about one visitor message (the webhook body; Rasa gets it as `metadata`). */
export interface BotDelivery {
  readonly event: "visitor_message";
  readonly deliveryId: string;
  readonly bot: string;
  readonly conversationId: string;
  readonly message: { readonly id: string; readonly text: string; readonly payload: string | null; readonly at: number };
  readonly visitor: {
    readonly id: string;
    readonly customerId: string | null;
    readonly name: string | null;
    readonly email: string | null;
    readonly tier: "standard" | "vip" | "enterprise" | null;
  };
  readonly page: { readonly url: string; readonly title: string } | null;
  readonly language: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly nlu: { readonly intent: string; readonly confidence: number; readonly sentiment: number } | null;
  readonly turnsUrl: string;
  readonly handoffUrl: string;
}

/** An external bot's answer, whatever its protocol (webhook JSON, Rasa's REST channel). */
export interface BotReply {
  readonly messages: readonly { readonly text: string; readonly buttons?: readonly BotButton[] | undefined }[];
  readonly intent?: string | undefined;
  readonly confidence?: number | undefined;
  readonly handoff?: { readonly reason: string; readonly topic?: Topic | undefined; readonly fields?: Readonly<Record<string, string>> | undefined } | undefined;
}

/** Talks to external bots: one attempt per call (the app retries and counts failures). */
export interface BotTransport {
  /**
   * Delivers one visitor message, signed, within `bot.timeoutMs`. Resolves with the bot's answer,
   * or null when it will answer later through the Bot API; rejects on a time-out, a network
   * error, a non-2xx status, an answer that does not parse, or when `signal` aborts (shutdown).
   */
  deliver(bot: ExternalBotConfig, delivery: BotDelivery, signal?: AbortSignal): Promise<BotReply | null>;
}
