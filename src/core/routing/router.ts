import { DomainError } from "../errors.js";
import type { AgentProfile, AgentRuntime, RoutingRequest } from "../model.js";
import { constraintsFor, signatureOf, stepDueAt, stepsDueBy } from "./constraints.js";
import { type DueItem, DueList } from "./due-list.js";
import { explainPick, explainPull, explainQueued } from "./explain.js";
import { FastIndex } from "./fast-index.js";
import { ReferenceIndex } from "./reference-index.js";
import type { AgentState, QueueEntry, RouterIndex } from "./router-index.js";
import { compareRequests } from "./order.js";
import type { Effect, Explanation, RouterEvent, RouterOptions, RouterSnapshot } from "./types.js";

interface Placement {
  readonly agentId: string;
  readonly request: RoutingRequest;
  readonly appliedSteps: number;
}
interface OfferPlacement extends Placement {
  readonly expiresAt: number;
}

export const DEFAULT_ROUTER_OPTIONS: RouterOptions = {
  offers: { enabled: false, timeoutSeconds: 30 },
  onAway: "keep",
  onOffline: "requeue",
};

/**
 * Baton's router: candidates → pick, or queue by priority; capacity freed → the best queued
 * chat that agent may take. Deterministic and free of I/O: every call takes `now`, and what
 * must happen later (escalations, offer timeouts, SLA breaches) is held as data and handed
 * back by a `tick` once due. The state is owned by this object; `snapshot()` exports it and
 * `restore()` rebuilds it after a restart.
 */
export class Router {
  private readonly agents = new Map<string, AgentState>();
  private readonly queued = new Map<string, QueueEntry>();
  private readonly assigned = new Map<string, Placement>();
  private readonly offers = new Map<string, OfferPlacement>();
  /** Conversations whose SLA breach was reported (once per routing, until released or transferred). */
  private readonly breached = new Set<string>();
  /** The SLA deadline each conversation has a pending due item for, so re-queueing adds no duplicate. */
  private readonly slaArmed = new Map<string, number>();
  private readonly due = new DueList();
  private effects: Effect[] = [];
  private now = 0;

  constructor(
    readonly options: RouterOptions = DEFAULT_ROUTER_OPTIONS,
    private readonly index: RouterIndex = new FastIndex(),
  ) {}

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
      case "enqueue":
        if (this.stateOf(event.request.conversationId) !== null) {
          throw new DomainError("conflict", `conversation ${event.request.conversationId} is already being routed`);
        }
        this.place(event.request, stepsDueBy(event.request, now));
        break;
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
        this.declineOffer(event.conversationId, event.agentId);
        break;
      case "tick":
        for (let item = this.due.popDue(now); item !== null; item = this.due.popDue(now)) this.fire(item);
        break;
    }
    return this.effects;
  }

  /** When the next `tick` has something to do, or null. */
  nextDue(): number | null {
    return this.due.nextAt();
  }

  stateOf(conversationId: string): "queued" | "offered" | "assigned" | null {
    if (this.queued.has(conversationId)) return "queued";
    if (this.offers.has(conversationId)) return "offered";
    if (this.assigned.has(conversationId)) return "assigned";
    return null;
  }

  /** The agent a conversation is assigned or offered to. */
  agentOf(conversationId: string): string | null {
    return this.assigned.get(conversationId)?.agentId ?? this.offers.get(conversationId)?.agentId ?? null;
  }

  agent(id: string): AgentRuntime | null {
    const a = this.agents.get(id);
    return a === undefined ? null : toRuntime(a);
  }

  /** Queue position (1-based) among chats waiting for the same agents, or null when not queued. */
  positionOf(conversationId: string): number | null {
    const e = this.queued.get(conversationId);
    return e === undefined ? null : this.index.rank(e);
  }

  requestOf(conversationId: string): { request: RoutingRequest; appliedSteps: number } | null {
    const e = this.queued.get(conversationId) ?? this.assigned.get(conversationId) ?? this.offers.get(conversationId);
    return e === undefined ? null : { request: e.request, appliedSteps: e.appliedSteps };
  }

  /** Agents who may take this request, ignoring their current load (for the wait estimate). */
  capacityFor(request: RoutingRequest, appliedSteps = 0): { online: number; slots: number; free: number } {
    return this.index.capacityFor(constraintsFor(request, appliedSteps));
  }

  get queueLength(): number {
    return this.queued.size;
  }

  snapshot(): RouterSnapshot {
    const queue = [...this.queued.values()]
      .sort((a, b) => compareEntries(a, b))
      .map((e) => ({ request: e.request, appliedSteps: e.appliedSteps }));
    return {
      agents: [...this.agents.values()].map(toRuntime),
      queue,
      assignments: [...this.assigned].map(([conversationId, p]) => ({ conversationId, agentId: p.agentId, request: p.request })),
      offers: [...this.offers].map(([conversationId, p]) => ({
        conversationId,
        agentId: p.agentId,
        expiresAt: p.expiresAt,
        request: p.request,
      })),
    };
  }

  /**
   * Loads a snapshot into an empty router (after a restart, from what the store holds), then
   * lets every online agent with free capacity take what they may, so no chat waits needlessly.
   */
  restore(snapshot: RouterSnapshot, now: number): Effect[] {
    if (this.agents.size > 0 || this.queued.size > 0) throw new DomainError("conflict", "restore needs an empty router");
    this.now = now;
    this.effects = [];
    for (const a of snapshot.agents) {
      const { presence, active, idleSince, ...profile } = a;
      const state: AgentState = { profile, presence, active: [...active], idleSince, heapIndex: -1 };
      this.agents.set(a.id, state);
      this.index.agentChanged(state);
    }
    for (const s of snapshot.assignments) {
      this.assigned.set(s.conversationId, { agentId: s.agentId, request: s.request, appliedSteps: 0 });
      this.holdSlot(s.agentId, s.conversationId);
    }
    for (const o of snapshot.offers) {
      this.offers.set(o.conversationId, { agentId: o.agentId, request: o.request, appliedSteps: 0, expiresAt: o.expiresAt });
      this.holdSlot(o.agentId, o.conversationId);
      this.due.add({ kind: "offer_timeout", at: o.expiresAt, conversationId: o.conversationId, agentId: o.agentId });
    }
    for (const q of snapshot.queue) this.enterQueue(q.request, Math.max(q.appliedSteps, stepsDueBy(q.request, now)));
    for (const id of [...this.agents.keys()].sort()) this.drain(this.agents.get(id) as AgentState);
    return this.effects;
  }

  // ---------- agents ----------

  private upsertAgent(profile: AgentProfile): void {
    const existing = this.agents.get(profile.id);
    if (existing === undefined) {
      const state: AgentState = { profile, presence: "offline", active: [], idleSince: this.now, heapIndex: -1 };
      this.agents.set(profile.id, state);
      this.index.agentChanged(state);
      return;
    }
    existing.profile = profile;
    this.index.agentChanged(existing);
    this.drain(existing);
  }

  private setPresence(agentId: string, presence: AgentState["presence"]): void {
    const a = this.agents.get(agentId);
    if (a === undefined) throw new DomainError("agent_not_found", `no agent ${agentId}`);
    if (a.presence === presence) return;
    const wasOnline = a.presence === "online";
    a.presence = presence;
    if (presence === "online") {
      if (!wasOnline) a.idleSince = this.now;
      this.index.agentChanged(a);
      this.drain(a);
      return;
    }
    this.index.agentChanged(a);
    const policy = presence === "away" ? this.options.onAway : this.options.onOffline;
    const reason = presence === "away" ? "agent_away" : "agent_offline";
    // Offers are always withdrawn: nobody is there to accept them.
    const taken = a.active.filter((id) => policy === "requeue" || this.offers.has(id));
    this.takeBack(a, taken, reason);
  }

  private removeAgent(agentId: string): void {
    const a = this.agents.get(agentId);
    if (a === undefined) return;
    a.presence = "offline";
    this.index.agentChanged(a);
    this.takeBack(a, [...a.active], "agent_removed");
    this.agents.delete(agentId);
    this.index.agentRemoved(a);
  }

  /** Takes chats back from an agent and routes each again, keeping its place in the queue. */
  private takeBack(a: AgentState, ids: readonly string[], reason: Extract<Effect, { kind: "requeued" }>["reason"]): void {
    const placements: Placement[] = [];
    for (const id of ids) {
      const p = this.assigned.get(id) ?? this.offers.get(id);
      if (p === undefined) continue;
      this.assigned.delete(id);
      this.offers.delete(id);
      this.freeSlot(a, id);
      placements.push(p);
    }
    for (const p of placements) {
      this.effects.push({ kind: "requeued", conversationId: p.request.conversationId, fromAgentId: a.profile.id, reason });
      this.place(p.request, Math.max(p.appliedSteps, stepsDueBy(p.request, this.now)));
    }
  }

  // ---------- conversations ----------

  private release(conversationId: string): void {
    this.breached.delete(conversationId);
    this.slaArmed.delete(conversationId);
    const q = this.queued.get(conversationId);
    if (q !== undefined) {
      this.leaveQueue(q);
      this.effects.push({ kind: "released", conversationId, agentId: null });
      return;
    }
    const p = this.assigned.get(conversationId) ?? this.offers.get(conversationId);
    if (p === undefined) return; // idempotent: releasing twice does nothing
    this.assigned.delete(conversationId);
    this.offers.delete(conversationId);
    const a = this.agents.get(p.agentId) as AgentState;
    this.freeSlot(a, conversationId);
    this.effects.push({ kind: "released", conversationId, agentId: p.agentId });
    this.drain(a);
  }

  private transfer(request: RoutingRequest): void {
    const id = request.conversationId;
    const q = this.queued.get(id);
    const p = this.assigned.get(id) ?? this.offers.get(id);
    if (q === undefined && p === undefined) throw new DomainError("conversation_not_found", `conversation ${id} is not being routed`);
    if (q !== undefined) this.leaveQueue(q);
    let from: AgentState | null = null;
    if (p !== undefined) {
      this.assigned.delete(id);
      this.offers.delete(id);
      from = this.agents.get(p.agentId) as AgentState;
      this.freeSlot(from, id);
      this.effects.push({ kind: "requeued", conversationId: id, fromAgentId: p.agentId, reason: "transferred" });
    }
    this.breached.delete(id);
    this.place(request, stepsDueBy(request, this.now));
    if (from !== null) this.drain(from);
  }

  private acceptOffer(conversationId: string, agentId: string): void {
    const o = this.offers.get(conversationId);
    if (o === undefined || o.agentId !== agentId) {
      throw new DomainError("offer_not_found", `no open offer of ${conversationId} to ${agentId}`);
    }
    this.offers.delete(conversationId);
    this.assigned.set(conversationId, { agentId, request: o.request, appliedSteps: o.appliedSteps });
    const a = this.agents.get(agentId) as AgentState;
    this.effects.push({
      kind: "assign",
      conversationId,
      agentId,
      explanation: { summary: `${a.profile.name} accepted the offer`, layers: [], reasons: ["offer accepted"] },
    });
  }

  private declineOffer(conversationId: string, agentId: string): void {
    const o = this.offers.get(conversationId);
    if (o === undefined || o.agentId !== agentId) {
      throw new DomainError("offer_not_found", `no open offer of ${conversationId} to ${agentId}`);
    }
    this.withdrawOffer(o, "declined");
  }

  private withdrawOffer(o: OfferPlacement, reason: "declined" | "offer_timeout"): void {
    const id = o.request.conversationId;
    this.offers.delete(id);
    const a = this.agents.get(o.agentId) as AgentState;
    this.freeSlot(a, id);
    if (reason === "offer_timeout") this.effects.push({ kind: "offer_expired", conversationId: id, agentId: o.agentId });
    this.effects.push({ kind: "requeued", conversationId: id, fromAgentId: o.agentId, reason });
    const request: RoutingRequest = { ...o.request, excludeAgentIds: [...o.request.excludeAgentIds, o.agentId] };
    this.place(request, Math.max(o.appliedSteps, stepsDueBy(request, this.now)));
    this.drain(a);
  }

  // ---------- placing ----------

  /** Assigns (or offers) to the best eligible agent, or queues. */
  private place(request: RoutingRequest, appliedSteps: number): void {
    const constraints = constraintsFor(request, appliedSteps);
    const sig = signatureOf(constraints);
    const pick = this.index.bestAgentFor(constraints, sig);
    if (pick.agent !== null && pick.key !== null) {
      this.give(pick.agent, request, appliedSteps, explainPick(pick, pick.agent.profile.name));
      return;
    }
    this.enterQueue(request, appliedSteps, constraints, sig);
    this.effects.push({
      kind: "queued",
      conversationId: request.conversationId,
      explanation: explainQueued(pick.layers),
    });
  }

  private enterQueue(
    request: RoutingRequest,
    appliedSteps: number,
    constraints = constraintsFor(request, appliedSteps),
    sig = signatureOf(constraints),
  ): QueueEntry {
    const e: QueueEntry = { request, appliedSteps, constraints, sig, heapIndex: -1 };
    this.queued.set(request.conversationId, e);
    this.index.addEntry(e);
    this.armQueued(e);
    return e;
  }

  private leaveQueue(e: QueueEntry): void {
    this.queued.delete(e.request.conversationId);
    this.index.removeEntry(e);
  }

  private armQueued(e: QueueEntry): void {
    const id = e.request.conversationId;
    const at = stepDueAt(e.request, e.appliedSteps);
    if (at !== null) this.due.add({ kind: "escalate", at, conversationId: id, step: e.appliedSteps });
    const deadline = e.request.slaDeadline;
    if (this.breached.has(id) || this.slaArmed.get(id) === deadline) return;
    this.slaArmed.set(id, deadline);
    this.due.add({ kind: "sla", at: deadline, conversationId: id });
  }

  /** Lets an agent with free capacity take the best queued chats they may take. */
  private drain(a: AgentState): void {
    while (a.presence === "online" && a.active.length < a.profile.cap) {
      const e = this.index.bestEntryFor(a);
      if (e === null) return;
      this.leaveQueue(e);
      this.give(a, e.request, e.appliedSteps, explainPull(a, e, this.now));
    }
  }

  private give(a: AgentState, request: RoutingRequest, appliedSteps: number, explanation: Explanation): void {
    const id = request.conversationId;
    if (a.active.length >= a.profile.cap) throw new Error(`router bug: ${a.profile.id} is at cap`);
    a.idleSince = this.now;
    this.holdSlot(a.profile.id, id);
    if (this.options.offers.enabled) {
      const expiresAt = this.now + this.options.offers.timeoutSeconds * 1000;
      this.offers.set(id, { agentId: a.profile.id, request, appliedSteps, expiresAt });
      this.due.add({ kind: "offer_timeout", at: expiresAt, conversationId: id, agentId: a.profile.id });
      this.effects.push({ kind: "offer", conversationId: id, agentId: a.profile.id, expiresAt, explanation });
    } else {
      this.assigned.set(id, { agentId: a.profile.id, request, appliedSteps });
      this.effects.push({ kind: "assign", conversationId: id, agentId: a.profile.id, explanation });
    }
  }

  private holdSlot(agentId: string, conversationId: string): void {
    const a = this.agents.get(agentId);
    if (a === undefined) throw new DomainError("agent_not_found", `no agent ${agentId}`);
    if (!a.active.includes(conversationId)) a.active.push(conversationId);
    this.index.agentChanged(a);
  }

  private freeSlot(a: AgentState, conversationId: string): void {
    const i = a.active.indexOf(conversationId);
    if (i >= 0) a.active.splice(i, 1);
    this.index.agentChanged(a);
  }

  // ---------- due items ----------

  private fire(item: DueItem): void {
    const id = item.conversationId;
    switch (item.kind) {
      case "offer_timeout": {
        const o = this.offers.get(id);
        if (o !== undefined && o.agentId === item.agentId && o.expiresAt === item.at) this.withdrawOffer(o, "offer_timeout");
        return;
      }
      case "sla": {
        if (this.slaArmed.get(id) === item.at) this.slaArmed.delete(id);
        const waiting = this.queued.get(id)?.request ?? this.offers.get(id)?.request;
        if (waiting === undefined || this.breached.has(id) || waiting.slaDeadline !== item.at) return;
        this.breached.add(id);
        this.effects.push({ kind: "sla_breached", conversationId: id, ruleId: waiting.ruleId, deadline: waiting.slaDeadline });
        return;
      }
      case "escalate": {
        const e = this.queued.get(id);
        if (e === undefined || e.appliedSteps !== item.step) return;
        const step = e.request.escalation[item.step];
        if (step === undefined) return;
        this.leaveQueue(e);
        this.effects.push({ kind: "escalated", conversationId: id, step });
        this.place(e.request, item.step + 1);
        return;
      }
    }
  }
}

function compareEntries(a: QueueEntry, b: QueueEntry): number {
  return compareRequests(a.request, b.request);
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
