import type { ExternalBotConfig } from "../core/config/index.js";
import { routingTopic, visitorTopicTurns } from "../core/rules/index.js";
import { botUnavailableTrigger } from "../core/triggers/index.js";
import type { BotDelivery } from "../ports/index.js";
import { applyBotReply } from "./bot-reply.js";
import type { Engine } from "./engine.js";
import { handOff } from "./hand-off.js";
import { Serial } from "./serial.js";

/** How one delivery attempt ended: answered inline, "later" (202/204), or failed. */
export type BotAttemptOutcome = "answered" | "later" | "failed";

/**
 * Deliveries of visitor messages to external bots, off the visitor's path: the visitor's ack
 * never waits for a bot. One lane per conversation keeps its messages in order; failed attempts
 * in a row are counted per conversation (a success resets the count).
 *
 * At least once: a message stays in the outbox of undecided messages until its delivery ends
 * (answered, dead-lettered, or handed off), so one cut by a stop or a crash is delivered again
 * when Baton starts (with the same `deliveryId`, for the bot to answer once).
 */
export class BotDeliveries {
  /** Observers of every delivery attempt's outcome (Prometheus). */
  readonly listeners: ((bot: string, outcome: BotAttemptOutcome) => void)[] = [];
  private readonly lanes = new Map<string, Serial>();
  private readonly failures = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  /** Message ids queued or on their way: a later decision of the same conversation does not queue them twice. */
  private readonly queued = new Set<string>();
  private readonly stopping = new AbortController();

  /** Queues the delivery of one stored visitor message, unless it is already queued; returns at once. */
  enqueue(engine: Engine, bot: ExternalBotConfig, conversationId: string, messageId: string): void {
    if (this.queued.has(messageId) || this.stopped) return;
    this.queued.add(messageId);
    let lane = this.lanes.get(conversationId);
    if (lane === undefined) {
      lane = new Serial();
      this.lanes.set(conversationId, lane);
    }
    const mine = lane;
    const job = mine
      .run(() => deliver(engine, this, bot, conversationId, messageId))
      .catch((err: unknown) => {
        if (!this.stopped) engine.deps.log.error({ err, conversationId, bot: bot.id }, "bot delivery failed");
      })
      .finally(() => {
        this.queued.delete(messageId);
        this.running.delete(job);
        if (mine.size === 0 && this.lanes.get(conversationId) === mine) this.lanes.delete(conversationId);
      });
    this.running.add(job);
  }

  /** Aborted on stop: attempts under way are cut, and what they were delivering stays undecided. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** Cuts every delivery under way and takes no new one (shutdown); their messages are delivered after the restart. */
  stop(): void {
    this.stopping.abort();
  }

  /** One more failed attempt; returns the failures in a row. */
  failed(conversationId: string): number {
    const n = (this.failures.get(conversationId) ?? 0) + 1;
    this.failures.set(conversationId, n);
    return n;
  }

  /** Tells the listeners how an attempt ended. */
  observe(bot: string, outcome: BotAttemptOutcome): void {
    for (const l of this.listeners) l(bot, outcome);
  }

  succeeded(conversationId: string): void {
    this.failures.delete(conversationId);
  }

  /** Resolves once every delivery queued so far has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

/** Waits `ms`, or less when Baton stops. */
function backoff(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

/** Builds the delivery from the store: the message, the visitor, the page, the language and the fields. */
async function buildDelivery(engine: Engine, bot: ExternalBotConfig, conversationId: string, messageId: string): Promise<BotDelivery | null> {
  const { store } = engine.deps;
  const c = await engine.conversation(conversationId);
  if (c.state !== "bot") return null;
  const [messages, fields, customer] = await Promise.all([
    store.listMessages(conversationId),
    store.listFields(conversationId),
    c.customerId === null ? Promise.resolve(null) : store.getCustomer(c.customerId),
  ]);
  const m = messages.find((x) => x.id === messageId);
  if (m === undefined) return null;
  const base = engine.config.server.publicUrl.replace(/\/+$/, "");
  return {
    event: "visitor_message",
    deliveryId: `${conversationId}:${messageId}`,
    bot: bot.id,
    conversationId,
    message: { id: m.id, text: m.text, payload: m.payload ?? null, at: m.at },
    visitor: { id: c.visitorId, customerId: customer?.id ?? null, name: customer?.name ?? null, email: customer?.email ?? null, tier: customer?.tier ?? null },
    page: c.page,
    language: c.language,
    fields: Object.fromEntries(fields.filter((f) => f.source.kind !== "unverified").map((f) => [f.name, f.value])),
    nlu: m.nlu === null ? null : { intent: m.nlu.intent, confidence: m.nlu.confidence, sentiment: m.nlu.sentiment.score },
    turnsUrl: `${base}/api/bot/conversations/${encodeURIComponent(conversationId)}/turns`,
    handoffUrl: `${base}/api/bot/conversations/${encodeURIComponent(conversationId)}/handoff`,
  };
}

/**
 * Delivers one visitor message: up to 1 + `retries` attempts with doubling backoff. Every failed
 * attempt counts; at `unavailableAfter` failures in a row the chat hands off with trigger
 * `bot_unavailable`. A message no attempt delivered is kept as a dead letter.
 */
async function deliver(engine: Engine, state: BotDeliveries, bot: ExternalBotConfig, conversationId: string, messageId: string): Promise<void> {
  const transport = engine.deps.botTransport;
  const decided = () => engine.deps.store.markDecided([messageId]);
  const delivery = await buildDelivery(engine, bot, conversationId, messageId);
  if (delivery === null) return decided();
  for (let attempt = 1; ; attempt++) {
    if (state.stopped) return;
    try {
      if (transport === undefined) throw new Error("no transport for external bots");
      const reply = await transport.deliver(bot, delivery, state.signal);
      state.succeeded(conversationId);
      state.observe(bot.id, reply === null ? "later" : "answered");
      // The answer and the end of the decision are recorded in the serial lane, one after the other.
      await engine.command(async () => {
        if (reply !== null) await applyBotReply(engine, bot, conversationId, reply);
        await decided();
      });
      return;
    } catch (err) {
      if (state.stopped) return;
      const error = err instanceof Error ? err.message : String(err);
      state.observe(bot.id, "failed");
      const failures = state.failed(conversationId);
      const unavailable = failures >= bot.unavailableAfter;
      if (unavailable || attempt > bot.retries) {
        await engine.deps.store.recordBotDeadLetter({
          id: engine.deps.newId(),
          botId: bot.id,
          conversationId,
          messageId,
          payload: delivery,
          error,
          attempts: attempt,
          createdAt: engine.now(),
        });
        engine.deps.log.warn({ bot: bot.id, conversationId, attempts: attempt, failures, error }, "a visitor message went to the bot's dead letters");
      }
      if (unavailable) {
        state.succeeded(conversationId);
        await engine.command(async () => {
          await handOffUnavailable(engine, conversationId, `bot "${bot.id}" failed ${failures} times in a row (${error})`, [messageId], failures, [messageId]);
          await decided();
        });
        return;
      }
      if (attempt > bot.retries) return decided();
      await backoff(bot.backoffMs * 2 ** (attempt - 1), state.signal);
    }
  }
}

/** Hands a chat the bot cannot take to a human, trigger `bot_unavailable` (call in the serial lane). */
export async function handOffUnavailable(
  engine: Engine,
  conversationId: string,
  reason: string,
  messageIds: readonly string[],
  failures: number,
  decided?: readonly string[],
): Promise<void> {
  const c = await engine.conversation(conversationId);
  if (c.state !== "bot") return;
  const messages = await engine.deps.store.listMessages(conversationId);
  await handOff(engine, {
    conversation: c,
    trigger: botUnavailableTrigger(engine.now(), reason, messageIds, failures),
    topic: routingTopic(visitorTopicTurns(messages)),
    ...(decided === undefined ? {} : { decided }),
  });
}
