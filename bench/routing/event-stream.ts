import type { Effect, Router, RouterEvent, RouterSnapshot } from "../../src/core/routing/index.js";
import { Rng } from "../bench-kit.js";
import { makeRequest } from "./centre.js";

/** The kinds of decision the steady-state stream mixes. */
export type DecisionKind = "release" | "enqueue" | "offline" | "online" | "tick";

/** A set with O(1) add, delete and uniform random pick. */
class PickSet {
  private readonly items: string[] = [];
  private readonly at = new Map<string, number>();
  get size(): number {
    return this.items.length;
  }
  add(id: string): void {
    if (this.at.has(id)) return;
    this.at.set(id, this.items.length);
    this.items.push(id);
  }
  delete(id: string): void {
    const i = this.at.get(id);
    if (i === undefined) return;
    const last = this.items.pop() as string;
    this.at.delete(id);
    if (i < this.items.length) {
      this.items[i] = last;
      this.at.set(last, i);
    }
  }
  pick(rng: Rng): string | undefined {
    return this.items[Math.floor(rng.next() * this.items.length)];
  }
}

/**
 * A deterministic stream of routing events in steady state: releases of assigned chats, new
 * chats, now and then an agent going offline or coming back, and scheduler ticks when
 * something is due. It follows the router's effects (untimed) to know which chats are
 * assigned, so the same seed and starting snapshot give the same stream for any router that
 * decides the same way.
 */
export class EventStream {
  now: number;
  enqueued = 0;
  released = 0;
  readonly kinds: DecisionKind[] = [];
  private readonly rng: Rng;
  private readonly assigned = new PickSet();
  private readonly online = new PickSet();
  private readonly offline = new PickSet();
  private seq = 0;

  constructor(
    seed: number,
    snapshot: RouterSnapshot,
    startAt: number,
    private readonly stepMs: number,
    private readonly csmPool: readonly string[],
  ) {
    this.rng = new Rng(seed);
    this.now = startAt;
    for (const a of snapshot.assignments) this.assigned.add(a.conversationId);
    for (const a of snapshot.agents) (a.presence === "online" ? this.online : this.offline).add(a.id);
  }

  /** The next event for `router` (which is only asked when its next tick is due). */
  next(router: Router): RouterEvent {
    this.now += this.stepMs;
    const kind = this.chooseKind(router);
    this.kinds.push(kind);
    switch (kind) {
      case "release":
        return { kind: "release", conversationId: this.assigned.pick(this.rng) as string };
      case "enqueue":
        this.enqueued++;
        return { kind: "enqueue", request: makeRequest(this.rng, `s-${this.seq++}`, this.now, this.csmPool) };
      case "offline":
      case "online": {
        const from = kind === "offline" ? this.online : this.offline;
        const agentId = from.pick(this.rng) as string;
        from.delete(agentId);
        (kind === "offline" ? this.offline : this.online).add(agentId);
        return { kind: "agent_presence", agentId, presence: kind };
      }
      case "tick":
        return { kind: "tick" };
    }
  }

  /** Follows what the router decided. */
  observe(effects: readonly Effect[]): void {
    for (const e of effects) {
      if (e.kind === "assign") this.assigned.add(e.conversationId);
      else if (e.kind === "requeued") this.assigned.delete(e.conversationId);
      else if (e.kind === "released") {
        this.assigned.delete(e.conversationId);
        this.released++;
      }
    }
  }

  private chooseKind(router: Router): DecisionKind {
    const due = router.nextDue();
    const r = this.rng.next();
    // The scheduler ticks about once every 16 events when something is due.
    if (r < 0.06 && due !== null && due <= this.now) return "tick";
    if (r < 0.08) {
      // Roughly 1% of the roster away at a time.
      const back = this.offline.size > 0 && (this.rng.chance(0.5) || this.offline.size * 100 > this.online.size);
      if (back) return "online";
      if (this.online.size > 0) return "offline";
    }
    return this.assigned.size > 0 && this.rng.chance(0.5) ? "release" : "enqueue";
  }
}
