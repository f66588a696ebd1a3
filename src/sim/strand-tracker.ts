import type { RoutingRequest } from "../core/model.js";
import type { LivePath } from "./live-path.js";
import type { RosterAgent } from "./roster.js";

/** Queued chats that the same agents could take, and how many of those agents are on shift. */
interface Group {
  readonly request: RoutingRequest;
  online: number;
  readonly members: Set<number>;
}

/**
 * Watches the waiting guarantee from outside the router: a queued chat is stranded while no
 * agent on shift could ever take it (now or after its escalation steps, by the policy's
 * `LivePath`); the visitor should then be offered the async path. Records, per arrival, when it
 * was first stranded, how long it spent stranded without an offer, and when the router offered
 * the async path (and how long after it was stranded). Chats that the same agents could take
 * share a group, so an agent going on or off shift touches each group once.
 */
export class StrandTracker {
  /** Epoch ms the current stranded spell began (NaN: not stranded now). */
  private readonly since: Float64Array;
  /** Per arrival: ms spent stranded before any async offer. */
  readonly strandedMs: Float64Array;
  /** Per arrival: 1 once it has been stranded. */
  readonly everStranded: Uint8Array;
  /** Per arrival: epoch ms of the router's async offer (NaN: none). */
  readonly asyncOfferedAt: Float64Array;
  /** Per arrival: ms from being stranded to the async offer (NaN: no offer, or offered with a live option). */
  readonly offerDelayMs: Float64Array;
  private readonly groups = new Map<string, Group>();
  private readonly groupOf: (Group | undefined)[];
  private readonly online: Uint8Array;
  private readonly counted: Group[][];

  constructor(
    private readonly roster: readonly RosterAgent[],
    private readonly path: LivePath,
    arrivals: number,
  ) {
    this.since = new Float64Array(arrivals).fill(Number.NaN);
    this.strandedMs = new Float64Array(arrivals);
    this.everStranded = new Uint8Array(arrivals);
    this.asyncOfferedAt = new Float64Array(arrivals).fill(Number.NaN);
    this.offerDelayMs = new Float64Array(arrivals).fill(Number.NaN);
    this.groupOf = new Array<Group | undefined>(arrivals);
    this.online = new Uint8Array(roster.length);
    this.counted = roster.map(() => []);
  }

  /** The chat waits in the queue (queued or requeued). */
  join(i: number, request: RoutingRequest, now: number): void {
    let g = this.groupOf[i];
    if (g === undefined) {
      const key = this.path.key(request);
      g = this.groups.get(key);
      if (g === undefined) {
        g = { request, online: 0, members: new Set() };
        this.groups.set(key, g);
        for (let a = 0; a < this.roster.length; a++) {
          if (this.online[a] === 1 && this.path.serves(this.roster[a]!.profile, request)) {
            g.online++;
            this.counted[a]!.push(g);
          }
        }
      }
      this.groupOf[i] = g;
    }
    g.members.add(i);
    if (g.online === 0) this.strand(i, now);
  }

  /** The chat stops waiting: assigned, offered to an agent, or gone. */
  leave(i: number, now: number): void {
    this.groupOf[i]?.members.delete(i);
    this.unstrand(i, now);
  }

  /** The router offered this visitor the async path. */
  asyncOffered(i: number, now: number): void {
    if (!Number.isNaN(this.asyncOfferedAt[i]!)) return;
    this.asyncOfferedAt[i] = now;
    const since = this.since[i]!;
    if (!Number.isNaN(since)) {
      this.offerDelayMs[i] = now - since;
      this.strandedMs[i]! += now - since;
      this.since[i] = Number.NaN;
    }
  }

  agentOnShift(agent: number, on: boolean, now: number): void {
    if (this.online[agent] === Number(on)) return;
    this.online[agent] = Number(on);
    if (on) {
      for (const g of this.groups.values()) {
        if (!this.path.serves(this.roster[agent]!.profile, g.request)) continue;
        this.counted[agent]!.push(g);
        if (g.online++ === 0) for (const i of g.members) this.unstrand(i, now);
      }
      return;
    }
    for (const g of this.counted[agent]!) if (--g.online === 0) for (const i of g.members) this.strand(i, now);
    this.counted[agent] = [];
  }

  /** Closes the spells still open when the run ends. */
  finish(now: number): void {
    for (let i = 0; i < this.since.length; i++) this.unstrand(i, now);
  }

  private strand(i: number, now: number): void {
    if (!Number.isNaN(this.since[i]!) || !Number.isNaN(this.asyncOfferedAt[i]!)) return;
    this.since[i] = now;
    this.everStranded[i] = 1;
  }

  private unstrand(i: number, now: number): void {
    const since = this.since[i]!;
    if (Number.isNaN(since)) return;
    this.strandedMs[i]! += now - since;
    this.since[i] = Number.NaN;
  }
}
