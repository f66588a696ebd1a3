import type { Constraints } from "./constraints.js";
import { failingLayer, type Layer, levelFor, mayServe } from "./eligibility.js";
import { layerCounts } from "./layers.js";
import { type CandidateKey, compareCandidates, compareRequests } from "./order.js";
import { type AgentState, candidateKey, type Pick, type QueueEntry, type RouterIndex, runtimeView } from "./router-index.js";

/**
 * The routing specification in its plainest form: every question answered by a linear scan
 * of all agents or all queued chats. Property tests check the fast index against it; the
 * benchmark uses it as the naive baseline.
 */
export class ReferenceIndex implements RouterIndex {
  private readonly agents = new Map<string, AgentState>();
  private readonly queue = new Set<QueueEntry>();

  agentChanged(a: AgentState): void {
    this.agents.set(a.profile.id, a);
  }

  agentRemoved(a: AgentState): void {
    this.agents.delete(a.profile.id);
  }

  addEntry(e: QueueEntry): void {
    this.queue.add(e);
  }

  removeEntry(e: QueueEntry): void {
    this.queue.delete(e);
  }

  bestAgentFor(c: Constraints, _sig: string): Pick {
    const failing: (Layer | null)[] = [];
    let best: { a: AgentState; key: CandidateKey } | null = null;
    let runnerUp: CandidateKey | null = null;
    for (const a of this.agents.values()) {
      const f = failingLayer(runtimeView(a), c);
      failing.push(f);
      if (f !== null) continue;
      const key = candidateKey(a, c, levelFor(a.profile, c));
      if (best === null || compareCandidates(key, best.key) < 0) {
        if (best !== null) runnerUp = best.key;
        best = { a, key };
      } else if (runnerUp === null || compareCandidates(key, runnerUp) < 0) {
        runnerUp = key;
      }
    }
    return {
      agent: best?.a ?? null,
      key: best?.key ?? null,
      runnerUp,
      layers: layerCounts(this.agents.size, failing),
    };
  }

  bestEntryFor(a: AgentState): QueueEntry | null {
    const r = runtimeView(a);
    let best: QueueEntry | null = null;
    for (const e of this.queue) {
      if (failingLayer(r, e.constraints) !== null) continue;
      if (best === null || compareRequests(e.request, best.request) < 0) best = e;
    }
    return best;
  }

  rank(e: QueueEntry): number {
    let ahead = 0;
    for (const other of this.queue) {
      if (other.sig === e.sig && compareRequests(other.request, e.request) < 0) ahead++;
    }
    return ahead + 1;
  }

  rankAmong(e: QueueEntry, agents: readonly AgentState[]): number {
    let ahead = 0;
    for (const other of this.queue) {
      if (compareRequests(other.request, e.request) >= 0) continue;
      if (agents.some((a) => mayServe(a.profile, other.constraints))) ahead++;
    }
    return ahead + 1;
  }

  capacityFor(c: Constraints): { online: number; slots: number; free: number } {
    let online = 0;
    let slots = 0;
    let free = 0;
    for (const a of this.agents.values()) {
      const f = failingLayer(runtimeView(a), c);
      if (f !== null && f !== "capacity") continue;
      online++;
      slots += a.profile.cap;
      free += Math.max(0, a.profile.cap - a.active.length);
    }
    return { online, slots, free };
  }
}
