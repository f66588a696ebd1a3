import type { ExternalBotConfig } from "../../core/config/index.js";
import type { BotButton } from "../../core/model.js";
import type { BotDelivery as DocumentedDelivery } from "../../bot-sdk/payload.js";
import { BotAnswerSchema, RasaAnswerSchema, RasaCustom, RasaParseSchema } from "../../bot-sdk/payload.js";
import { SIGNATURE_HEADER, signBatonRequest } from "../../bot-sdk/verify.js";
import type { BotDelivery, BotReply, BotTransport } from "../../ports/bot-transport.js";

/** Fails to compile when the port's delivery and the one documented to bot authors (bot-sdk, OpenAPI) drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<BotDelivery, DocumentedDelivery>;

/** Why one delivery attempt failed; the message is what the dead-letter view shows. */
export class BotDeliveryError extends Error {
  constructor(
    readonly kind: "timeout" | "network" | "http_status" | "invalid_answer",
    message: string,
  ) {
    super(message);
    this.name = "BotDeliveryError";
  }
}

export interface HttpBotTransportOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Signing time, epoch ms (defaults to the system clock). */
  readonly now?: () => number;
}

/**
 * The BotTransport over HTTP: a "webhook" bot gets Baton's signed JSON delivery and may answer
 * inline; a "rasa" bot gets Rasa's REST channel (`POST {url}/webhooks/rest/webhook` with
 * `{sender, message, metadata}`, the same signature header) and its list of replies is read:
 * `text` and `buttons` become the bot's turns, a `custom` `{"handoff": {...}}` a handoff, a custom
 * `intent`/`confidence` the reading; with `parseIntent`, `/model/parse` gives the reading otherwise.
 *
 * @example
 * const transport = createHttpBotTransport();
 * const reply = await transport.deliver(botConfig, delivery); // BotReply | null
 */
export function createHttpBotTransport(options: HttpBotTransportOptions = {}): BotTransport {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;

  async function post(bot: ExternalBotConfig, url: string, body: unknown, deliveryId: string, stop: AbortSignal | undefined): Promise<{ status: number; json: unknown }> {
    const text = JSON.stringify(body);
    let res: Response;
    try {
      res = await doFetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          [SIGNATURE_HEADER]: signBatonRequest(bot.secret, text, now()),
          "x-baton-delivery": deliveryId,
        },
        body: text,
        signal: stop === undefined ? AbortSignal.timeout(bot.timeoutMs) : AbortSignal.any([AbortSignal.timeout(bot.timeoutMs), stop]),
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (stop?.aborted === true) throw new BotDeliveryError("network", "Baton is stopping");
      if (name === "TimeoutError" || name === "AbortError") throw new BotDeliveryError("timeout", `no answer within ${bot.timeoutMs} ms`);
      throw new BotDeliveryError("network", `cannot reach the bot: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
    }
    let raw: string;
    try {
      raw = await res.text();
    } catch {
      throw new BotDeliveryError("timeout", `the answer did not arrive within ${bot.timeoutMs} ms`);
    }
    if (res.status < 200 || res.status > 299) throw new BotDeliveryError("http_status", `the bot answered HTTP ${res.status}`);
    if (raw.trim() === "") return { status: res.status, json: null };
    try {
      return { status: res.status, json: JSON.parse(raw) };
    } catch {
      throw new BotDeliveryError("invalid_answer", "the bot's answer is not JSON");
    }
  }

  return {
    async deliver(bot, delivery, stop): Promise<BotReply | null> {
      if (bot.kind === "webhook") {
        const { status, json } = await post(bot, bot.url, delivery, delivery.deliveryId, stop);
        if (json === null || status === 202 || status === 204) return null;
        const parsed = BotAnswerSchema.safeParse(json);
        if (!parsed.success) throw new BotDeliveryError("invalid_answer", `the bot's answer does not fit: ${parsed.error.issues[0]?.message ?? "?"}`);
        const a = parsed.data;
        return { messages: a.messages.filter((m) => m.text.trim() !== "" || (m.buttons?.length ?? 0) > 0), intent: a.intent, confidence: a.confidence, handoff: a.handoff };
      }
      const base = bot.url.replace(/\/+$/, "");
      const message = delivery.message.payload ?? delivery.message.text;
      const { json } = await post(bot, `${base}/webhooks/rest/webhook`, { sender: delivery.conversationId, message, metadata: delivery }, delivery.deliveryId, stop);
      const parsed = RasaAnswerSchema.safeParse(json ?? []);
      if (!parsed.success) throw new BotDeliveryError("invalid_answer", `Rasa's answer does not fit: ${parsed.error.issues[0]?.message ?? "?"}`);
      const reply: { messages: { text: string; buttons?: BotButton[] }[]; intent?: string; confidence?: number; handoff?: BotReply["handoff"] } = { messages: [] };
      for (const r of parsed.data) {
        const buttons = r.buttons ?? [];
        if ((r.text ?? "").trim() !== "" || buttons.length > 0) reply.messages.push({ text: r.text ?? "", ...(buttons.length > 0 ? { buttons } : {}) });
        const custom = r.custom === undefined ? null : RasaCustom.safeParse(r.custom);
        if (custom?.success) {
          const c = custom.data;
          if (c.handoff !== undefined) reply.handoff = c.handoff;
          if (typeof c.intent === "string") reply.intent = c.intent;
          else if (c.intent !== undefined) {
            reply.intent = c.intent.name;
            if (c.intent.confidence !== undefined) reply.confidence = c.intent.confidence;
          }
          if (c.confidence !== undefined) reply.confidence = c.confidence;
        }
      }
      if (bot.parseIntent && reply.confidence === undefined) {
        const { json: parse } = await post(bot, `${base}/model/parse`, { text: message, message_id: delivery.message.id }, delivery.deliveryId, stop);
        const p = RasaParseSchema.safeParse(parse);
        if (p.success) {
          reply.confidence = p.data.intent.confidence;
          reply.intent ??= p.data.intent.name ?? "none";
        }
      }
      return reply;
    },
  };
}
