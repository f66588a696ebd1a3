import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import type { Effect, Explanation, RouterEvent } from "../core/routing/index.js";
import { anyAgentLivePath, type LivePath } from "./live-path.js";

/** A peer's view of an agent: capacity and presence only (peers ignore skills and languages). */
export interface PeerAgent {
  readonly id: string;
  /** Position in the roster (upsert order): rotation order and tie-break. */
  readonly order: number;
  cap: number;
  online: boolean;
  active: number;
}

/**
 * The shared part of the peer policies: agents with a concurrency cap, one FIFO queue, and
 * "when capacity frees or an agent comes online, the oldest waiting chat goes to `pick()`".
 * Subclasses choose the agent. Transfers and offers are not part of the peers' model.
 */
export abstract class PeerPolicy {
  protected readonly agents: PeerAgent[] = [];
  private readonly byId = new Map<string, PeerAgent>();
  private readonly holder = new Map<string, PeerAgent>();
  private readonly queue: string[] = [];
  private head = 0;
  private readonly waiting = new Set<string>();
  /** Free slots over online agents: 0 means nobody can take a chat (skip the scan). */
  protected freeSlots = 0;
  private effects: Effect[] = [];
  readonly livePath: LivePath = anyAgentLivePath;

  protected abstract readonly explanation: Explanation;

  /** The agent the next chat goes to, or null when no online agent has a free slot. */
  protected abstract pick(): PeerAgent | null;

  apply(event: RouterEvent, _now: number): readonly Effect[] {
    this.effects = [];
    switch (event.kind) {
      case "agent_upsert":
        this.upsert(event.agent);
        break;
      case "agent_presence": {
        const a = this.agentById(event.agentId);
        this.change(a, () => {
          a.online = event.presence === "online";
        });
        break;
      }
      case "enqueue": {
        const id = event.request.conversationId;
        if (this.holder.has(id) || this.waiting.has(id)) throw new DomainError("conflict", `conversation ${id} is already being routed`);
        this.queue.push(id);
        this.waiting.add(id);
        if (this.waiting.size === 1) this.drain();
        if (this.waiting.has(id)) this.effects.push({ kind: "queued", conversationId: id, explanation: this.explanation });
        break;
      }
      case "release":
        this.release(event.conversationId);
        break;
      case "tick":
        break;
      default:
        throw new DomainError("invalid_input", `the peer policies do not model "${event.kind}"`);
    }
    this.drain();
    return this.effects;
  }

  nextDue(): number | null {
    return null;
  }

  private agentById(id: string): PeerAgent {
    const a = this.byId.get(id);
    if (a === undefined) throw new DomainError("agent_not_found", `no agent ${id}`);
    return a;
  }

  private upsert(p: AgentProfile): void {
    const known = this.byId.get(p.id);
    if (known !== undefined) {
      this.change(known, () => {
        known.cap = p.cap;
      });
      return;
    }
    const a: PeerAgent = { id: p.id, order: this.agents.length, cap: p.cap, online: false, active: 0 };
    this.agents.push(a);
    this.byId.set(p.id, a);
  }

  private free(a: PeerAgent): number {
    return a.online ? Math.max(0, a.cap - a.active) : 0;
  }

  /** Applies a change to an agent, keeping `freeSlots` in step. */
  private change(a: PeerAgent, mutate: () => void): void {
    this.freeSlots -= this.free(a);
    mutate();
    this.freeSlots += this.free(a);
  }

  private release(id: string): void {
    if (this.waiting.delete(id)) {
      this.effects.push({ kind: "released", conversationId: id, agentId: null });
      return;
    }
    const a = this.holder.get(id);
    if (a === undefined) return;
    this.holder.delete(id);
    this.change(a, () => {
      a.active--;
    });
    this.effects.push({ kind: "released", conversationId: id, agentId: a.id });
  }

  /** Oldest waiting chat first, while someone can take it. */
  private drain(): void {
    while (this.waiting.size > 0 && this.freeSlots > 0) {
      const id = this.queue[this.head];
      if (id === undefined) return;
      if (!this.waiting.has(id)) {
        this.head++;
        continue;
      }
      const a = this.pick();
      if (a === null) return;
      this.head++;
      this.waiting.delete(id);
      this.holder.set(id, a);
      this.change(a, () => {
        a.active++;
      });
      this.effects.push({ kind: "assign", conversationId: id, agentId: a.id, explanation: this.explanation });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
