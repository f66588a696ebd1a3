import type { AgentProfile, AgentRuntime, Presence, RoutingRequest } from "../model.js";
import type { AgentClass } from "./agent-class.js";
import type { QueueGroup } from "./queue-group.js";
import type { Watch } from "./live-options.js";
import type { Constraints } from "./constraints.js";
import type { CandidateKey } from "./order.js";
import type { LayerStep } from "./types.js";

/** An agent as the router holds it (mutable inside the router, never handed out). */
export interface AgentState {
  profile: AgentProfile;
  presence: Presence;
  /** Conversation ids assigned or offered, in the order they arrived. */
  active: string[];
  idleSince: number;
  /** Slot in the fast index's free-agent heap (-1 when not free). */
  heapIndex: number;
  /** The fast index's bookkeeping for this agent (null until it has seen them). */
  track: IndexTrack | null;
}

/** What the fast index last counted for an agent: their class (for `profile`) and load. */
export interface IndexTrack {
  profile: AgentProfile;
  cls: AgentClass;
  online: boolean;
  cap: number;
  freeSlots: number;
}

/**
 * A conversation in routing, one record from enqueue to release: queued (then it is in the
 * index), offered or assigned. Its SLA bookkeeping lives here too, so one lookup serves it all.
 */
export interface Routed {
  state: "queued" | "offered" | "assigned";
  request: RoutingRequest;
  /** Escalation steps applied to `request`. */
  appliedSteps: number;
  /** The constraints of the last placement (escalation applied) and their `signatureOf`. */
  constraints: Constraints;
  sig: string;
  /** The agent holding it when offered or assigned. */
  agent: AgentState | null;
  /** When an open offer expires. */
  expiresAt: number;
  /** Whether its SLA breach was reported (once per routing, until released or transferred). */
  breached: boolean;
  /** The SLA deadline a due item is pending for (NaN: none), so re-queueing adds no duplicate. */
  slaArmedAt: number;
  /** Agents excluded from it for a cool-off after declining an offer (in `request.excludeAgentIds` until it ends). */
  cooling: string[];
  /** Set once the conversation left routing; its pending due items are then skipped. */
  released: boolean;
  /** The fast index's queue group holding it while queued, and its slot there. */
  group: QueueGroup<Routed> | null;
  heapIndex: number;
  /** While queued: its live-option watch (see live-options.ts). */
  watch: Watch | null;
  /** Since when it has had no live option while queued (NaN: it has one, or is not queued). */
  deadSince: number;
  /** Whether its visitor was offered the async path for the current stretch without a live option. */
  asyncOffered: boolean;
  /** When it was last assigned, and whether that agent has written since (the unanswered clock). */
  assignedAt: number;
  answered: boolean;
}

/** A queued conversation, as the index sees it. */
export type QueueEntry = Routed;

export interface Pick {
  readonly agent: AgentState | null;
  readonly key: CandidateKey | null;
  /** The best other candidate, to explain the win. */
  readonly runnerUp: CandidateKey | null;
  readonly layers: readonly LayerStep[];
}

/**
 * How the router finds agents and queued chats. Two implementations with the same answers:
 * `ReferenceIndex` scans everything (the specification, and the benchmark's baseline) and
 * `FastIndex` keeps agents in classes and the queue in groups.
 */
export interface RouterIndex {
  /** Call after anything about the agent changed: profile, presence, load or idle time. */
  agentChanged(a: AgentState): void;
  agentRemoved(a: AgentState): void;
  addEntry(e: QueueEntry): void;
  removeEntry(e: QueueEntry): void;
  /**
   * The agent the pick order prefers for these constraints (`sig` is their `signatureOf`),
   * with the layer counts. The result may be reused by the next call: read it at once.
   */
  bestAgentFor(c: Constraints, sig: string): Pick;
  /** The first queued chat, in queue order, that this agent may take now. */
  bestEntryFor(a: AgentState): QueueEntry | null;
  /** 1-based position among queued chats with the same constraints. */
  rank(e: QueueEntry): number;
  /**
   * 1-based position among the queued chats that at least one of `agents` may take
   * (`mayServe`, ignoring presence and load) and that come before `e` in queue order.
   */
  rankAmong(e: QueueEntry, agents: readonly AgentState[]): number;
  /** Eligible agents, ignoring load: how many are online, their total cap and free slots. */
  capacityFor(c: Constraints): { online: number; slots: number; free: number };
}

export function candidateKey(a: AgentState, c: Constraints, level: number): CandidateKey {
  return {
    id: a.profile.id,
    isCsm: c.csmAgentId !== null && a.profile.id === c.csmAgentId,
    level,
    active: a.active.length,
    cap: a.profile.cap,
    idleSince: a.idleSince,
  };
}

/** The agent as eligibility checks read it; shares `active` with the router's state (no copy). */
export function runtimeView(a: AgentState): AgentRuntime {
  return { ...a.profile, presence: a.presence, active: a.active, idleSince: a.idleSince };
}
