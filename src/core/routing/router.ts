import { DomainError } from "../errors.js";
import type { AgentProfile, AgentRuntime, EscalationStep, RoutingRequest } from "../model.js";
import { type Constraints, constraintsFor, signatureOf, stepDueAt, stepsDueBy } from "./constraints.js";
import { DueList } from "./due-list.js";
import { failingLayer, mayServe } from "./eligibility.js";
import { type AgentSide, LiveOptions } from "./live-options.js";
import { explainPick, explainPull, explainQueued } from "./explain.js";
import { FastIndex } from "./fast-index.js";
import { compareRequests } from "./order.js";
import { ReferenceIndex } from "./reference-index.js";
import { type AgentState, type Routed, type RouterIndex, runtimeView } from "./router-index.js";
import type { DueNotice, Effect, Explanation, RouterEvent, RouterOptions, RouterSnapshot, Standing } from "./types.js";
import { type TranslationSupport, translatableLanguages } from "../translation/pairs.js";

/**
 * Something the router must do at a given time, on the conversation's own record (no lookup
 * when it comes due). Stale items are skipped: the record was released, or moved on.
 */
type DueItem =
  | { readonly kind: "offer_timeout"; readonly at: number; readonly r: Routed; readonly agentId: string }
  | { readonly kind: "escalate"; readonly at: number; readonly r: Routed; readonly step: number }
  | { readonly kind: "sla"; readonly at: number; readonly r: Routed }
  | { readonly kind: "async_offer"; readonly at: number; readonly r: Routed; readonly since: number }
  | {
      readonly kind: "unanswered";
      readonly at: number;
      readonly r: Routed;
      readonly agentId: string;
      readonly assignedAt: number;
      readonly stage: "flagged" | "reassigned";
    }
  | { readonly kind: "cooloff"; readonly at: number; readonly r: Routed; readonly agentId: string };

/** Constraints with their signature. */
interface Shaped {
  readonly constraints: Constraints;
  readonly sig: string;
}

/** How long a declining agent is skipped for a chat when the options do not say. */
export const DEFAULT_DECLINE_COOLOFF_SECONDS = 30;

export const DEFAULT_ROUTER_OPTIONS: RouterOptions = {
  offers: { enabled: false, timeoutSeconds: 30, declineCooloffSeconds: DEFAULT_DECLINE_COOLOFF_SECONDS },
  onAway: "keep",
  onOffline: "requeue",
  asyncOfferWithinSeconds: 15,
};

/** The waiting guarantee's default: seconds without a live option before the async offer. */
export const DEFAULT_ASYNC_OFFER_WITHIN_SECONDS = 15;

/**
 * Baton's router: candidates → pick, or queue by priority; capacity freed → the best queued
 * chat that agent may take. Deterministic and free of I/O: every call takes `now`, and what
 * must happen later (escalations, offer timeouts, SLA breaches) is held as data and handed
 * back by a `tick` once due. The state is owned by this object; `snapshot()` exports it and
 * `restore()` rebuilds it after a restart.
 */
export class Router {
  private readonly agents = new Map<string, AgentState>();
  /** Every conversation in routing, whatever its state. */
  private readonly routed = new Map<string, Routed>();
  private queued = 0;
  private readonly dueList = new DueList<DueItem>();
  private effects: Effect[] = [];
  private now = 0;
  /** Per constraints object, the constraints one escalation step further (see `escalated`). */
  private readonly transitions = new WeakMap<Constraints, Map<EscalationStep, Shaped>>();
  /** Which queued chats have a live option (the waiting guarantee). */
  private readonly live: LiveOptions;
  /** The waiting guarantee's grace, from the options in force. */
  private get asyncOfferMs(): number {
    return (this.opts.asyncOfferWithinSeconds ?? DEFAULT_ASYNC_OFFER_WITHIN_SECONDS) * 1000;
  }

  private opts: RouterOptions;
  /** The translator's pairs and health (null: none wired in; the translation flag alone decides). */
  private translation: TranslationSupport | null = null;

  constructor(
    options: RouterOptions = DEFAULT_ROUTER_OPTIONS,
    private readonly index: RouterIndex = new FastIndex(),
  ) {
    this.live = new LiveOptions((c) => this.index.capacityFor(c).slots > 0);
    this.opts = options;
  }

  /** The options in force (changed by a `set_options` event). */
  get options(): RouterOptions {
    return this.opts;
  }

  /** Applies one event at time `now` and returns the decisions to carry out, in order. */
  apply(event: RouterEvent, now: number): Effect[] {
    this.now = now;
    this.effects = [];
    switch (event.kind) {
      case "agent_upsert":
        this.upsertAgent(event.agent);
        break;
      case "agent_presence":
        this.setPresence(event.agentId, event.presence);
        break;
      case "agent_remove":
        this.removeAgent(event.agentId);
        break;
      case "enqueue": {
        const id = event.request.conversationId;
        if (this.routed.has(id)) throw new DomainError("conflict", `conversation ${id} is already being routed`);
        const r = newRouted(event.request);
        this.routed.set(id, r);
        this.place(r, stepsDueBy(event.request, now));
        break;
      }
      case "release":
        this.release(event.conversationId);
        break;
      case "transfer":
        this.transfer(event.request);
        break;
      case "offer_accept":
        this.acceptOffer(event.conversationId, event.agentId);
        break;
      case "offer_decline":
        this.withdrawOffer(this.openOffer(event.conversationId, event.agentId), "declined");
        break;
      case "take":
        this.take(event.conversationId, event.agentId, event.by);
        break;
      case "answered": {
        const r = this.routed.get(event.conversationId);
        if (r !== undefined && r.state === "assigned") r.answered = true;
        break;
      }
      case "set_options":
        this.opts = event.options;
        break;
      case "set_translation":
        this.setTranslation(event.support);
        break;
      case "tick":
        for (let item = this.dueList.popDue(now); item !== null; item = this.dueList.popDue(now)) this.fire(item);
        break;
    }
    return this.effects;
  }

  /** When the next `tick` has something to do, or null. */
  nextDue(): number | null {
    return this.dueList.nextAt();
  }

  /**
   * What a `tick` at `now` would act on, in order, without acting: escalation steps, offer
   * timeouts and SLA breaches. Items that no longer apply are left out. The tick decides on the
   * spot: a chat it places may no longer need a later item, and a chat's next step due at
   * once (two steps due together) is only known when the first is applied.
   */
  due(now: number): DueNotice[] {
    const out: DueNotice[] = [];
    for (const item of this.dueList.peekDue(now)) {
      if (!this.applies(item)) continue;
      const r = item.r;
      const conversationId = r.request.conversationId;
      if (item.kind === "escalate") out.push({ kind: "escalate", conversationId, at: item.at, step: r.request.escalation[item.step] as EscalationStep });
      else if (item.kind === "offer_timeout") out.push({ kind: "offer_timeout", conversationId, at: item.at, agentId: item.agentId });
      else if (item.kind === "async_offer") out.push({ kind: "async_offer", conversationId, at: item.at });
      else if (item.kind === "unanswered") out.push({ kind: "unanswered", conversationId, at: item.at, agentId: item.agentId, stage: item.stage });
      else if (item.kind === "cooloff") out.push({ kind: "cooloff_end", conversationId, at: item.at, agentId: item.agentId });
      else out.push({ kind: "sla_breach", conversationId, at: item.at, ruleId: r.request.ruleId });
    }
    return out;
  }

  stateOf(conversationId: string): "queued" | "offered" | "assigned" | null {
    return this.routed.get(conversationId)?.state ?? null;
  }

  /** The agent a conversation is assigned or offered to. */
  agentOf(conversationId: string): string | null {
    return this.routed.get(conversationId)?.agent?.profile.id ?? null;
  }

  /**
   * The team a conversation was routed to, as its agent qualified: the first of the request's
   * teams (escalation steps included) the agent is in; null when the request named no team.
   */
  teamOf(conversationId: string): string | null {
    const r = this.routed.get(conversationId);
    const teams = r?.constraints.teams ?? null;
    if (r === undefined || teams === null || r.agent === null) return null;
    const mine = r.agent.profile.teams;
    return teams.find((t) => mine.includes(t)) ?? null;
  }

  agent(id: string): AgentRuntime | null {
    const a = this.agents.get(id);
    return a === undefined ? null : toRuntime(a);
  }

  /** Queue position (1-based) among chats waiting for the same agents, or null when not queued. */
  positionOf(conversationId: string): number | null {
    const r = this.routed.get(conversationId);
    return r === undefined || r.state !== "queued" ? null : this.index.rank(r);
  }

  /**
   * Where a queued chat stands for its visitor, or null when it is not queued. The agents who
   * could take it are those online with a cap who may take it now, else after the first
   * escalation step that brings any in; its position counts the queued chats those agents
   * would serve first (in any queue group), and their caps and free slots feed the estimate.
   */
  standing(conversationId: string, now: number): Standing | null {
    const r = this.routed.get(conversationId);
    if (r === undefined || r.state !== "queued") return null;
    const request = r.request;
    let who: AgentState[] = [];
    let stepInMs = 0;
    for (let k = r.appliedSteps; k <= request.escalation.length; k++) {
      const c = k === r.appliedSteps ? r.constraints : constraintsFor(request, k);
      who = [];
      for (const a of this.agents.values()) if (a.presence === "online" && mayServe(a.profile, c)) who.push(a);
      if (who.length > 0) {
        stepInMs = k === r.appliedSteps ? 0 : Math.max(0, (stepDueAt(request, k - 1) ?? now) - now);
        break;
      }
    }
    let slots = 0;
    let free = 0;
    for (const a of who) {
      slots += a.profile.cap;
      free += Math.max(0, a.profile.cap - a.active.length);
    }
    return {
      position: who.length === 0 ? this.index.rank(r) : this.index.rankAmong(r, who),
      online: who.length,
      slots,
      free,
      stepInMs,
      noLiveOptionSince: Number.isNaN(r.deadSince) ? null : r.deadSince,
      asyncOffered: r.asyncOffered,
    };
  }

  requestOf(conversationId: string): { request: RoutingRequest; appliedSteps: number } | null {
    const r = this.routed.get(conversationId);
    return r === undefined ? null : { request: r.request, appliedSteps: r.appliedSteps };
  }

  /** Agents who may take this request, ignoring their current load (for the wait estimate). */
  capacityFor(request: RoutingRequest, appliedSteps = 0): { online: number; slots: number; free: number } {
    return this.index.capacityFor(constraintsFor(request, appliedSteps));
  }

  get queueLength(): number {
    return this.queued;
  }

  /**
   * The best `limit` queued chats that `accept` lets through, in queue order, without sorting
   * the whole queue (for queue views refreshed every second), each with its `positionOf`
   * (exact as long as `accept` treats chats with the same constraints alike, as a team filter does).
   */
  queueHead(
    limit: number,
    accept: (request: RoutingRequest, appliedSteps: number) => boolean = () => true,
  ): { request: RoutingRequest; appliedSteps: number; position: number }[] {
    const best: Routed[] = [];
    for (const r of this.routed.values()) {
      if (r.state !== "queued" || !accept(r.request, r.appliedSteps)) continue;
      const worst = best[best.length - 1];
      if (best.length >= limit && (worst === undefined || compareRequests(r.request, worst.request) >= 0)) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareRequests((best[mid] as Routed).request, r.request) < 0) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, r);
      if (best.length > limit) best.pop();
    }
    // Whoever is ahead of a chat in its group is ahead in the whole queue, so is in this list.
    const ahead = new Map<string, number>();
    return best.map((r) => {
      const position = (ahead.get(r.sig) ?? 0) + 1;
      ahead.set(r.sig, position);
      return { request: r.request, appliedSteps: r.appliedSteps, position };
    });
  }

  /** Every queued chat's request, in no particular order. */
  *queuedRequests(): IterableIterator<RoutingRequest> {
    for (const r of this.routed.values()) if (r.state === "queued") yield r.request;
  }

  /** The roster with presence and load (copies). */
  roster(): AgentRuntime[] {
    return [...this.agents.values()].map(toRuntime);
  }

  snapshot(): RouterSnapshot {
    const all = [...this.routed.values()];
    const held = (state: Routed["state"]) => all.filter((r) => r.state === state);
    return {
      agents: [...this.agents.values()].map(toRuntime),
      queue: held("queued")
        .sort((a, b) => compareRequests(a.request, b.request))
        .map((r) => ({ request: r.request, appliedSteps: r.appliedSteps })),
      assignments: held("assigned").map((r) => ({ conversationId: r.request.conversationId, agentId: agentIdOf(r), request: r.request })),
      offers: held("offered").map((r) => ({
        conversationId: r.request.conversationId,
        agentId: agentIdOf(r),
        expiresAt: r.expiresAt,
        request: r.request,
      })),
    };
  }

  /**
   * Loads a snapshot into an empty router (after a restart, from what the store holds), then
   * lets every online agent with free capacity take what they may, so no chat waits needlessly.
   */
  restore(snapshot: RouterSnapshot, now: number): Effect[] {
    if (this.agents.size > 0 || this.routed.size > 0) throw new DomainError("conflict", "restore needs an empty router");
    this.now = now;
    this.effects = [];
    for (const a of snapshot.agents) {
      const { presence, active, idleSince, ...profile } = a;
      const state: AgentState = { profile: this.withTranslation(profile), presence, active: [...active], idleSince, heapIndex: -1, track: null };
      this.agents.set(a.id, state);
      this.index.agentChanged(state);
    }
    for (const s of snapshot.assignments) {
      const r = this.adopt(s.request, s.agentId, "assigned");
      this.holdSlot(r.agent as AgentState, s.conversationId);
    }
    for (const o of snapshot.offers) {
      const r = this.adopt(o.request, o.agentId, "offered");
      r.expiresAt = o.expiresAt;
      this.holdSlot(r.agent as AgentState, o.conversationId);
      this.dueList.add({ kind: "offer_timeout", at: o.expiresAt, r, agentId: o.agentId });
    }
    for (const q of snapshot.queue) {
      const r = newRouted(q.request);
      this.routed.set(q.request.conversationId, r);
      r.appliedSteps = Math.max(q.appliedSteps, stepsDueBy(q.request, now));
      r.constraints = constraintsFor(r.request, r.appliedSteps);
      r.sig = signatureOf(r.constraints);
      this.enterQueue(r);
    }
    for (const id of [...this.agents.keys()].sort()) this.drain(this.agents.get(id) as AgentState);
    return this.effects;
  }

  // ---------- agents ----------

  /** The translator changed (pairs or health): every translation-enabled agent's languages are judged again. */
  private setTranslation(support: TranslationSupport | null): void {
    this.translation = support;
    for (const id of [...this.agents.keys()].sort()) {
      const a = this.agents.get(id) as AgentState;
      if (!a.profile.translationEnabled) continue;
      const profile = this.withTranslation(a.profile);
      if (JSON.stringify(profile.viaTranslation ?? null) === JSON.stringify(a.profile.viaTranslation ?? null)) continue;
      this.upsertAgent(profile);
    }
  }

  /** The profile as routing reads it: with the languages the translator serves for this agent now. */
  private withTranslation(profile: AgentProfile): AgentProfile {
    const { viaTranslation: _, ...base } = profile;
    if (this.translation === null || !profile.translationEnabled) return base;
    return { ...base, viaTranslation: translatableLanguages(this.translation, profile.languages) };
  }

  private upsertAgent(given: AgentProfile): void {
    const profile = this.withTranslation(given);
    const existing = this.agents.get(profile.id);
    if (existing === undefined) {
      const state: AgentState = { profile, presence: "offline", active: [], idleSince: this.now, heapIndex: -1, track: null };
      this.agents.set(profile.id, state);
      this.index.agentChanged(state);
      return;
    }
    const before = sideOf(existing);
    existing.profile = profile;
    this.index.agentChanged(existing);
    this.liveChanged(before, sideOf(existing));
    this.drain(existing);
  }

  private setPresence(agentId: string, presence: AgentState["presence"]): void {
    const a = this.agents.get(agentId);
    if (a === undefined) throw new DomainError("agent_not_found", `no agent ${agentId}`);
    if (a.presence === presence) return;
    const wasOnline = a.presence === "online";
    const before = sideOf(a);
    a.presence = presence;
    if (presence === "online") {
      if (!wasOnline) a.idleSince = this.now;
      this.index.agentChanged(a);
      this.liveChanged(before, sideOf(a));
      this.drain(a);
      return;
    }
    this.index.agentChanged(a);
    this.liveChanged(before, sideOf(a));
    const policy = presence === "away" ? this.opts.onAway : this.opts.onOffline;
    const reason = presence === "away" ? "agent_away" : "agent_offline";
    // Offers are always withdrawn: nobody is there to accept them.
    const taken = a.active.filter((id) => policy === "requeue" || this.routed.get(id)?.state === "offered");
    this.takeBack(a, taken, reason);
  }

  private removeAgent(agentId: string): void {
    const a = this.agents.get(agentId);
    if (a === undefined) return;
    const before = sideOf(a);
    a.presence = "offline";
    this.index.agentChanged(a);
    this.liveChanged(before, null);
    this.takeBack(a, [...a.active], "agent_removed");
    this.agents.delete(agentId);
    this.index.agentRemoved(a);
  }

  /** Takes chats back from an agent and routes each again, keeping its place in the queue. */
  private takeBack(a: AgentState, ids: readonly string[], reason: Extract<Effect, { kind: "requeued" }>["reason"]): void {
    const taken: Routed[] = [];
    for (const id of ids) {
      const r = this.routed.get(id);
      if (r === undefined || r.agent !== a) continue;
      this.freeSlot(a, id);
      r.agent = null;
      taken.push(r);
    }
    for (const r of taken) {
      this.effects.push({ kind: "requeued", conversationId: r.request.conversationId, fromAgentId: a.profile.id, reason });
      this.place(r, Math.max(r.appliedSteps, stepsDueBy(r.request, this.now)));
    }
  }

  // ---------- conversations ----------

  private release(conversationId: string): void {
    const r = this.routed.get(conversationId);
    if (r === undefined) return; // idempotent: releasing twice does nothing
    this.routed.delete(conversationId);
    r.released = true;
    if (r.state === "queued") {
      this.leaveQueue(r);
      this.effects.push({ kind: "released", conversationId, agentId: null });
      return;
    }
    const a = r.agent as AgentState;
    // The drain usually fills the freed slot at once, so the index hears of the agent once, after it.
    this.freeSlot(a, conversationId, false);
    this.effects.push({ kind: "released", conversationId, agentId: a.profile.id });
    if (this.drain(a) === 0) this.index.agentChanged(a);
  }

  private transfer(request: RoutingRequest): void {
    const id = request.conversationId;
    const r = this.routed.get(id);
    if (r === undefined) throw new DomainError("conversation_not_found", `conversation ${id} is not being routed`);
    const from = r.state === "queued" ? null : r.agent;
    if (r.state === "queued") this.leaveQueue(r);
    if (from !== null) {
      this.freeSlot(from, id);
      r.agent = null;
      this.effects.push({ kind: "requeued", conversationId: id, fromAgentId: from.profile.id, reason: "transferred" });
    }
    r.request = request;
    r.breached = false;
    r.cooling = [];
    this.place(r, stepsDueBy(request, this.now));
    if (from !== null) this.drain(from);
  }

  private openOffer(conversationId: string, agentId: string): Routed {
    const r = this.routed.get(conversationId);
    if (r === undefined || r.state !== "offered" || r.agent?.profile.id !== agentId) {
      throw new DomainError("offer_not_found", `no open offer of ${conversationId} to ${agentId}`);
    }
    return r;
  }

  private acceptOffer(conversationId: string, agentId: string): void {
    const r = this.openOffer(conversationId, agentId);
    r.state = "assigned";
    const a = r.agent as AgentState;
    this.armAnswer(r, a);
    this.effects.push({
      kind: "assign",
      conversationId,
      agentId,
      explanation: { summary: `${a.profile.name} accepted the offer`, layers: [], reasons: ["offer accepted"] },
    });
  }

  /** Starts the unanswered clock of a chat just assigned to `a` (when configured). */
  private armAnswer(r: Routed, a: AgentState): void {
    r.answered = false;
    r.assignedAt = this.now;
    const u = this.options.unanswered;
    if (u === undefined || u === null) return;
    const agentId = a.profile.id;
    const assignedAt = this.now;
    this.dueList.add({ kind: "unanswered", at: assignedAt + u.flagAfterSeconds * 1000, r, agentId, assignedAt, stage: "flagged" });
    this.dueList.add({ kind: "unanswered", at: assignedAt + u.reassignAfterSeconds * 1000, r, agentId, assignedAt, stage: "reassigned" });
  }

  private withdrawOffer(r: Routed, reason: "declined" | "offer_timeout" | "unanswered"): void {
    const id = r.request.conversationId;
    const a = r.agent as AgentState;
    this.freeSlot(a, id);
    r.agent = null;
    if (reason === "offer_timeout") this.effects.push({ kind: "offer_expired", conversationId: id, agentId: a.profile.id });
    this.effects.push({ kind: "requeued", conversationId: id, fromAgentId: a.profile.id, reason });
    // Skipped for this round only: the others are tried first, then the cool-off ends.
    r.request = { ...r.request, excludeAgentIds: [...r.request.excludeAgentIds, a.profile.id] };
    r.cooling.push(a.profile.id);
    const cooloff = this.opts.offers.declineCooloffSeconds ?? DEFAULT_DECLINE_COOLOFF_SECONDS;
    this.dueList.add({ kind: "cooloff", at: this.now + cooloff * 1000, r, agentId: a.profile.id });
    this.place(r, Math.max(r.appliedSteps, stepsDueBy(r.request, this.now)));
    this.drain(a);
  }

  /** A queued chat taken by hand (see the `take` event); refused with a DomainError, changing nothing. */
  private take(conversationId: string, agentId: string, by: "agent" | "admin"): void {
    const r = this.routed.get(conversationId);
    if (r === undefined || r.state !== "queued") throw new DomainError("invalid_transition", `conversation ${conversationId} is not waiting in the queue`);
    const a = this.agents.get(agentId);
    if (a === undefined) throw new DomainError("agent_not_found", `no agent ${agentId}`);
    if (by === "agent") {
      // A chat passed to a colleague by name is theirs until its release step (the transfer's
      // fallback) applies: others neither see it in their queue nor take it. Otherwise eligible as
      // the chat will be once every escalation step is applied. Checked before the cap: who may
      // take a chat does not depend on how busy they are.
      const pinned = constraintsFor(r.request, r.appliedSteps).targetAgentId;
      if (pinned !== null && pinned !== agentId) {
        throw new DomainError("forbidden", `this chat was passed to ${this.agents.get(pinned)?.profile.name ?? "a colleague"} by name; it is theirs until it goes back to the team`);
      }
      const widest = { ...constraintsFor(r.request, r.request.escalation.length), targetAgentId: null };
      if (a.presence !== "online") throw new DomainError("forbidden", `${a.profile.name} is not online`);
      if (!mayServe(a.profile, widest)) throw new DomainError("forbidden", `${a.profile.name} may not take this chat (${failingLayer(runtimeView(a), widest)})`);
    }
    if (a.active.length >= a.profile.cap) throw new DomainError("agent_at_cap", `${a.profile.name} is at their cap (${a.active.length}/${a.profile.cap})`);
    this.leaveQueue(r);
    a.idleSince = this.now;
    r.agent = a;
    r.state = "assigned";
    this.hasLiveOption(r);
    this.holdSlot(a, conversationId);
    this.armAnswer(r, a);
    const summary = by === "agent" ? `taken by hand by ${a.profile.name}` : `assigned by hand to ${a.profile.name} by an admin`;
    this.effects.push({ kind: "assign", conversationId, agentId, explanation: { summary, layers: [], reasons: [by === "agent" ? "taken by hand" : "assigned by an admin"] } });
  }

  /** A declining agent's cool-off ended: they may be offered the chat again (at once, if it waits and they are free). */
  private endCooloff(r: Routed, agentId: string): void {
    r.cooling.splice(r.cooling.indexOf(agentId), 1);
    r.request = { ...r.request, excludeAgentIds: r.request.excludeAgentIds.filter((id) => id !== agentId) };
    if (r.state !== "queued") return;
    this.leaveQueue(r);
    this.place(r, Math.max(r.appliedSteps, stepsDueBy(r.request, this.now)));
  }

  // ---------- placing ----------

  /** Assigns (or offers) to the best eligible agent, or queues. */
  private place(r: Routed, appliedSteps: number, known: Shaped | null = null): void {
    const constraints = known?.constraints ?? constraintsFor(r.request, appliedSteps);
    const sig = known?.sig ?? signatureOf(constraints);
    r.appliedSteps = appliedSteps;
    r.constraints = constraints;
    r.sig = sig;
    const pick = this.index.bestAgentFor(constraints, sig);
    if (pick.agent !== null && pick.key !== null) {
      const agent = pick.agent;
      const notes = this.csmNotes(constraints, agent);
      this.give(agent, r, explainPick(pick, agent.profile.name, constraints, appliedSteps === 0 ? notes : [...notes, ...stepNotes(r.request, appliedSteps)]));
      return;
    }
    const layers = pick.layers;
    this.enterQueue(r);
    this.effects.push({ kind: "queued", conversationId: r.request.conversationId, explanation: explainQueued(layers, this.csmNotes(constraints, null)) });
  }

  /** Why the customer's named CSM did not get the chat, when they have one and it went elsewhere. */
  private csmNotes(c: Constraints, chosen: AgentState | null): readonly string[] {
    const id = c.csmAgentId;
    if (id === null || chosen?.profile.id === id) return NO_NOTES;
    const a = this.agents.get(id);
    if (a === undefined) return [`the named CSM (${id}) is not in the roster`];
    const name = a.profile.name;
    switch (failingLayer(runtimeView(a), c)) {
      case "presence":
        return [`the named CSM ${name} is ${a.presence}`];
      case "capacity":
        return [`the named CSM ${name} is at their cap (${a.active.length}/${a.profile.cap})`];
      case "excluded":
        return [`the named CSM ${name} declined it or passed it on`];
      case null:
        return NO_NOTES;
      default:
        return [`the named CSM ${name} does not match the rule's target`];
    }
  }

  private enterQueue(r: Routed): void {
    r.state = "queued";
    r.agent = null;
    this.queued++;
    this.index.addEntry(r);
    this.armQueued(r);
    if (this.live.join(r)) this.hasLiveOption(r);
    else this.lostLiveOption(r);
  }

  private leaveQueue(r: Routed): void {
    this.queued--;
    this.index.removeEntry(r);
    this.live.leave(r);
  }

  // ---------- the waiting guarantee ----------

  /** After an agent changed: chats whose watch lost its last live option start their clock; revived ones stop it. */
  private liveChanged(before: AgentSide | null, after: AgentSide | null): void {
    const { died, revived } = this.live.agentChanged(before, after);
    for (const w of died) for (const r of w.members) this.lostLiveOption(r);
    for (const w of revived) for (const r of w.members) this.hasLiveOption(r);
  }

  private hasLiveOption(r: Routed): void {
    r.deadSince = Number.NaN;
    r.asyncOffered = false;
  }

  /** A queued chat without a live option: its visitor is offered the async path once the grace runs out. */
  private lostLiveOption(r: Routed): void {
    if (!Number.isNaN(r.deadSince)) return;
    r.deadSince = this.now;
    this.dueList.add({ kind: "async_offer", at: this.now + this.asyncOfferMs, r, since: this.now });
  }

  private armQueued(r: Routed): void {
    const at = stepDueAt(r.request, r.appliedSteps);
    if (at !== null) this.dueList.add({ kind: "escalate", at, r, step: r.appliedSteps });
    const deadline = r.request.slaDeadline;
    if (r.breached || r.slaArmedAt === deadline) return;
    r.slaArmedAt = deadline;
    this.dueList.add({ kind: "sla", at: deadline, r });
  }

  /** Lets an agent with free capacity take the best queued chats they may take; returns how many. */
  private drain(a: AgentState): number {
    let taken = 0;
    while (a.presence === "online" && a.active.length < a.profile.cap) {
      const r = this.index.bestEntryFor(a);
      if (r === null) break;
      this.leaveQueue(r);
      this.give(a, r, explainPull(a, r, this.now));
      taken++;
    }
    return taken;
  }

  private give(a: AgentState, r: Routed, explanation: Explanation): void {
    const id = r.request.conversationId;
    if (a.active.length >= a.profile.cap) throw new Error(`router bug: ${a.profile.id} is at cap`);
    a.idleSince = this.now;
    r.agent = a;
    this.hasLiveOption(r);
    this.holdSlot(a, id);
    if (this.opts.offers.enabled) {
      const expiresAt = this.now + this.opts.offers.timeoutSeconds * 1000;
      r.state = "offered";
      r.expiresAt = expiresAt;
      this.dueList.add({ kind: "offer_timeout", at: expiresAt, r, agentId: a.profile.id });
      this.effects.push({ kind: "offer", conversationId: id, agentId: a.profile.id, expiresAt, explanation });
    } else {
      r.state = "assigned";
      this.armAnswer(r, a);
      this.effects.push({ kind: "assign", conversationId: id, agentId: a.profile.id, explanation });
    }
  }

  /**
   * The constraints after one more escalation step. Queued chats with equal constraints share
   * one object, so the step's result is remembered on it: equal constraints give equal results,
   * except for the named CSM when the tier is relaxed to any (it is out of the signature then
   * but still wins the pick), which is checked.
   */
  private escalated(r: Routed, step: EscalationStep): Shaped {
    let byStep = this.transitions.get(r.constraints);
    if (byStep === undefined) {
      byStep = new Map();
      this.transitions.set(r.constraints, byStep);
    }
    const cached = byStep.get(step);
    if (cached !== undefined && cached.constraints.csmAgentId === r.request.csmAgentId) return cached;
    const constraints = constraintsFor(r.request, r.appliedSteps + 1);
    const next = { constraints, sig: signatureOf(constraints) };
    byStep.set(step, next);
    return next;
  }

  /** A record for a chat the store says is held by an agent (restore). */
  private adopt(request: RoutingRequest, agentId: string, state: "assigned" | "offered"): Routed {
    const a = this.agents.get(agentId);
    if (a === undefined) throw new DomainError("agent_not_found", `no agent ${agentId}`);
    const r = newRouted(request);
    r.state = state;
    r.agent = a;
    this.routed.set(request.conversationId, r);
    return r;
  }

  private holdSlot(a: AgentState, conversationId: string): void {
    if (!a.active.includes(conversationId)) a.active.push(conversationId);
    this.index.agentChanged(a);
  }

  private freeSlot(a: AgentState, conversationId: string, tellIndex = true): void {
    const i = a.active.indexOf(conversationId);
    if (i >= 0) a.active.splice(i, 1);
    if (tellIndex) this.index.agentChanged(a);
  }

  // ---------- due items ----------

  /** Whether a due item still applies (its conversation is still in the state it was made for). */
  private applies(item: DueItem): boolean {
    const r = item.r;
    if (r.released) return false;
    switch (item.kind) {
      case "offer_timeout":
        return r.state === "offered" && r.agent?.profile.id === item.agentId && r.expiresAt === item.at;
      case "sla":
        return r.state !== "assigned" && !r.breached && r.request.slaDeadline === item.at;
      case "escalate":
        return r.state === "queued" && r.appliedSteps === item.step && stepDueAt(r.request, item.step) === item.at;
      case "async_offer":
        return r.state === "queued" && !r.asyncOffered && r.deadSince === item.since;
      case "unanswered":
        return r.state === "assigned" && !r.answered && r.agent?.profile.id === item.agentId && r.assignedAt === item.assignedAt;
      case "cooloff":
        return r.cooling.includes(item.agentId);
    }
  }

  private fire(item: DueItem): void {
    const r = item.r;
    if (item.kind === "sla" && r.slaArmedAt === item.at) r.slaArmedAt = Number.NaN;
    if (!this.applies(item)) return;
    switch (item.kind) {
      case "offer_timeout":
        this.withdrawOffer(r, "offer_timeout");
        return;
      case "unanswered": {
        const afterSeconds = Math.round((item.at - item.assignedAt) / 1000);
        const conversationId = r.request.conversationId;
        this.effects.push({ kind: "unanswered", conversationId, agentId: item.agentId, stage: item.stage, afterSeconds });
        if (item.stage === "reassigned") this.withdrawOffer(r, "unanswered");
        return;
      }
      case "async_offer":
        r.asyncOffered = true;
        this.effects.push({ kind: "async_offered", conversationId: r.request.conversationId, since: item.since });
        return;
      case "sla":
        r.breached = true;
        this.effects.push({ kind: "sla_breached", conversationId: r.request.conversationId, ruleId: r.request.ruleId, deadline: item.at });
        return;
      case "cooloff":
        this.endCooloff(r, item.agentId);
        return;
      case "escalate": {
        const step = r.request.escalation[item.step] as EscalationStep;
        this.leaveQueue(r);
        this.effects.push({ kind: "escalated", conversationId: r.request.conversationId, step });
        this.place(r, item.step + 1, this.escalated(r, step));
        return;
      }
    }
  }

}

const NO_NOTES: readonly string[] = Object.freeze([]);

/** The escalation steps applied so far, in words: "escalation step 1 after 10 s: relax_tier". */
function stepNotes(request: RoutingRequest, appliedSteps: number): string[] {
  return request.escalation.slice(0, appliedSteps).map((step, i) => {
    const a = step.action;
    const what = a.kind === "widen_skill" ? `widen_skill ${a.skill}` : a.kind === "widen_team" ? `widen_team ${a.team}` : a.kind;
    return `escalation step ${i + 1} after ${step.afterSeconds} s: ${what}`;
  });
}

/** A new routing record; `place` or `enterQueue` gives it its state. */
function newRouted(request: RoutingRequest): Routed {
  return {
    state: "queued",
    request,
    appliedSteps: 0,
    constraints: NO_CONSTRAINTS,
    sig: "",
    agent: null,
    expiresAt: 0,
    breached: false,
    slaArmedAt: Number.NaN,
    cooling: [],
    released: false,
    group: null,
    heapIndex: -1,
    watch: null,
    deadSince: Number.NaN,
    asyncOffered: false,
    assignedAt: Number.NaN,
    answered: true,
  };
}

function sideOf(a: AgentState): AgentSide {
  return { profile: a.profile, online: a.presence === "online" };
}

/** The constraints of a record until `place` gives it its own. */
const NO_CONSTRAINTS: Constraints = {
  skillSets: [[]],
  teams: null,
  language: "en",
  allowTranslation: false,
  tier: "any",
  seniorFirst: false,
  csmAgentId: null,
  excludeAgentIds: [],
  targetAgentId: null,
};

function agentIdOf(r: Routed): string {
  return (r.agent as AgentState).profile.id;
}

function toRuntime(a: AgentState): AgentRuntime {
  return { ...a.profile, presence: a.presence, active: [...a.active], idleSince: a.idleSince };
}

/** A router whose index scans everything: the specification the fast router is tested against. */
export function createReferenceRouter(options: RouterOptions = DEFAULT_ROUTER_OPTIONS): Router {
  return new Router(options, new ReferenceIndex());
}

export function createRouter(options: RouterOptions = DEFAULT_ROUTER_OPTIONS): Router {
  return new Router(options, new FastIndex());
}

/** The core's routing function in the shape DESIGN.md gives it: state and event in, effects out. */
export function route(router: Router, event: RouterEvent, now: number): Effect[] {
  return router.apply(event, now);
}
