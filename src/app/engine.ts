import type { BatonConfig } from "../core/config/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile, Conversation, Presence, RoutingRule, Team } from "../core/model.js";
import { createRouter, type Effect, type Router } from "../core/routing/index.js";
import type { AppDeps } from "./deps.js";
import { BotDeliveries } from "./bot-deliveries.js";
import { Serial } from "./serial.js";
import { refreshTranslation } from "./refresh-translation.js";
import { TranslationDesk } from "./translation-desk.js";

/** How many recent handle times the wait estimate averages. */
export const HANDLE_TIMES_KEPT = 200;

/**
 * The running service's state: its dependencies, the router, and the serial lane every
 * routing command takes. Use cases are plain functions of an Engine (one per file in src/app).
 */
export class Engine {
  readonly router: Router;
  readonly serial = new Serial();
  private cfg: BatonConfig;
  /** Recent handle times (assignment to resolution), seconds, newest last; feeds the wait estimate. */
  private readonly handles: number[] = [];
  /** Conversations whose queue position may have changed since the last broadcast. */
  queueDirty = false;
  /** What the last queue broadcast told each waiting visitor (position, bucket, offer), to send only changes. */
  readonly statusSent = new Map<string, string>();
  /**
   * Chats the bot answered (not a question for a field) and when, until the visitor writes again:
   * the bot resolves those left quiet `bot.resolveWhenIdleSeconds` (see `resolveIdleBotChats`).
   */
  readonly botAnswered = new Map<string, number>();
  /**
   * After a restart: agents the store had online or away, with that presence, until their console
   * reconnects (they get it back) or the grace period ends (they go offline). Meanwhile the router
   * holds them away: they keep their chats and get none.
   */
  readonly returning = new Map<string, Presence>();
  /** Visitor messages on their way to external bots (off the visitor's path), and their failures. */
  readonly botDeliveries = new BotDeliveries();
  /** Observers of every batch of router effects carried out (metrics, logs). */
  readonly effectListeners: ((effects: readonly Effect[]) => void)[] = [];

  /** The translator's health and pairs, the chats served through it, bounded translations. */
  readonly translation: TranslationDesk;

  constructor(readonly deps: AppDeps) {
    this.cfg = deps.config;
    this.router = createRouter(deps.config.router);
    this.translation = new TranslationDesk(deps.translator ?? null, deps.config.translation.timeoutMs);
    // Until the translator answers a health check, translation agents serve their own languages only.
    this.router.apply({ kind: "set_translation", support: this.translation.current }, deps.clock.now());
  }

  /** A translation failed: the translator's health is checked again now, not at the next tick. */
  translationTrouble(): void {
    refreshTranslation(this).catch((err: unknown) => this.deps.log.warn({ err }, "translator health check failed"));
  }

  get config(): BatonConfig {
    return this.cfg;
  }

  /**
   * Swaps in a new config (admin edits). Router options that changed reach the router as a
   * `set_options` event, so they apply from the next decision on (open offers keep their expiry).
   * Call inside the serial lane.
   */
  setConfig(config: BatonConfig): void {
    this.cfg = config;
    if (JSON.stringify(config.router) !== JSON.stringify(this.router.options)) {
      // A change of options decides nothing by itself: the router returns no effects for it.
      this.router.apply({ kind: "set_options", options: config.router }, this.now());
    }
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** Runs a command in the serial lane. */
  command<T>(job: () => Promise<T>): Promise<T> {
    return this.serial.run(job);
  }

  private readonly lanes = new Map<string, Serial>();

  /**
   * Runs store-only work on one conversation (it neither reads nor changes the router) in that
   * conversation's own lane, beside the serial lane: an agent's message is not stuck behind
   * another visitor's flood, and one conversation's writes still keep their order.
   */
  inConversation<T>(conversationId: string, job: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(conversationId);
    if (lane === undefined) {
      lane = new Serial();
      this.lanes.set(conversationId, lane);
    }
    const mine = lane;
    return mine.run(job).finally(() => {
      if (mine.size === 0 && this.lanes.get(conversationId) === mine) this.lanes.delete(conversationId);
    });
  }

  /**
   * Until every conversation's lane has run what it was given (shutdown): translations in flight
   * are stored before the store closes. Each is bounded by the translator's timeout.
   */
  async conversationsIdle(): Promise<void> {
    for (let round = 0; round < 10 && this.lanes.size > 0; round++) await Promise.all([...this.lanes.values()].map((lane) => lane.idle()));
  }

  rule(id: string | null): RoutingRule | null {
    return this.cfg.rules.find((r) => r.id === id) ?? null;
  }

  team(id: string | null): Team | null {
    return this.cfg.teams.find((t) => t.id === id) ?? null;
  }

  recordHandleTime(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) return;
    this.handles.push(seconds);
    if (this.handles.length > HANDLE_TIMES_KEPT) this.handles.shift();
  }

  /** The handle times read back from the store (a restart, a new router leader), oldest first. */
  restoreHandleTimes(seconds: readonly number[]): void {
    this.handles.splice(0, this.handles.length, ...seconds.filter((s) => Number.isFinite(s) && s >= 0).slice(-HANDLE_TIMES_KEPT));
  }

  recentHandleSeconds(): readonly number[] {
    return this.handles;
  }

  private roster: { at: number; byId: Map<string, AgentProfile> } | null = null;

  /**
   * Agent profiles by id, read from the directory at most every few seconds: names and teams go
   * into every handoff's context and "has joined" message, and change rarely. Cap and presence
   * changes made through the app refresh it at once.
   */
  async profiles(): Promise<ReadonlyMap<string, AgentProfile>> {
    const now = this.now();
    if (this.roster === null || now - this.roster.at > 5000 || now < this.roster.at) {
      const list = await this.deps.agents.listAgents();
      this.roster = { at: now, byId: new Map(list.map((a) => [a.profile.id, a.profile])) };
    }
    return this.roster.byId;
  }

  /** Forget the cached profiles (after an agent was added or changed). */
  invalidateProfiles(): void {
    this.roster = null;
  }

  async conversation(id: string): Promise<Conversation> {
    const c = await this.deps.store.getConversation(id);
    if (c === null) throw new DomainError("conversation_not_found", `no conversation ${id}`);
    return c;
  }
}
