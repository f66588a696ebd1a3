import type { AgentProfile } from "../model.js";
import { AgentClass, type ClassVerdict, classKey, classSignature, judgeClass, lessLoaded } from "./agent-class.js";
import type { Constraints } from "./constraints.js";
import { failingLayer, type Layer, proficiencyFor } from "./eligibility.js";
import { IndexedHeap } from "./indexed-heap.js";
import { layersFromDrops } from "./layers.js";
import { type CandidateKey, compareCandidates, compareRequests } from "./order.js";
import { type AgentState, candidateKey, type Pick, type QueueEntry, type RouterIndex, runtimeView } from "./router-index.js";

interface Track {
  cls: AgentClass;
  online: boolean;
  cap: number;
  freeSlots: number;
}

/** Verdicts of every class for one class signature, indexed by class id. */
type VerdictRow = (ClassVerdict | undefined)[];

interface Group {
  readonly constraints: Constraints;
  readonly classSig: string;
  readonly row: VerdictRow;
  readonly heap: IndexedHeap<QueueEntry>;
}

/** Online agents per class-level layer for one class signature, valid while the roster is unchanged. */
interface RosterCounts {
  readonly row: VerdictRow;
  readonly constraints: Constraints;
  team: number;
  skills: number;
  language: number;
  tier: number;
  passing: number;
}

const byQueueOrder = (a: QueueEntry, b: QueueEntry): boolean => compareRequests(a.request, b.request) < 0;

function addDrop(drops: Map<Layer, number>, layer: Layer, n: number): void {
  drops.set(layer, (drops.get(layer) ?? 0) + n);
}

/**
 * The production index.
 *
 * Agents sit in classes of identical routing profile; each class keeps its free agents in pick
 * order. A placement looks only at classes that have a free agent (few, when chats are
 * queued), and the per-layer counts the explanation needs are cached per constraint shape
 * until someone comes online, goes offline or changes profile.
 *
 * Queued chats sit in one priority heap per distinct set of constraints, so an agent with
 * freed capacity looks at one head per group, with the group's verdict for the agent's class
 * cached on the group.
 */
export class FastIndex implements RouterIndex {
  private readonly classes = new Map<string, AgentClass>();
  private readonly classList: AgentClass[] = [];
  private readonly classOfProfile = new WeakMap<AgentProfile, AgentClass>();
  /** Classes with at least one free agent, brought up to date lazily (see `syncFree`). */
  private readonly freeClasses = new Set<AgentClass>();
  /** Classes whose free list changed since the last sync. */
  private readonly pendingFree = new Set<AgentClass>();
  /** Bumped when a class joins or leaves `freeClasses`. */
  private freeVersion = 0;
  /** Per class signature: the free classes that pass, valid while `freeVersion` holds. */
  private readonly passingFree = new Map<string, { version: number; classes: { cls: AgentClass; proficiency: number }[] }>();
  private readonly tracks = new Map<string, Track>();
  private readonly agents = new Map<string, AgentState>();
  private readonly verdicts = new Map<string, VerdictRow>();
  private readonly counts = new Map<string, RosterCounts>();
  private readonly groups = new Map<string, Group>();
  private onlineTotal = 0;

  agentChanged(a: AgentState): void {
    const id = a.profile.id;
    this.agents.set(id, a);
    const cls = this.classFor(a.profile);
    let t = this.tracks.get(id);
    if (t !== undefined && t.cls !== cls) {
      this.untrack(a, t);
      t = undefined;
    }
    if (t === undefined) {
      t = { cls, online: false, cap: 0, freeSlots: 0 };
      this.tracks.set(id, t);
      cls.members.add(a);
    }
    const online = a.presence === "online";
    const cap = online ? a.profile.cap : 0;
    const freeSlots = online ? Math.max(0, a.profile.cap - a.active.length) : 0;
    if (online !== t.online) this.countOnline(cls, online ? 1 : -1);
    cls.online += Number(online) - Number(t.online);
    this.onlineTotal += Number(online) - Number(t.online);
    cls.onlineCap += cap - t.cap;
    cls.onlineFreeSlots += freeSlots - t.freeSlots;
    t.online = online;
    t.cap = cap;
    t.freeSlots = freeSlots;
    if (freeSlots > 0) {
      if (cls.free.has(a)) cls.free.update(a);
      else cls.free.push(a);
    } else {
      cls.free.remove(a);
    }
    // A release and the drain that refills the agent happen in one event; deciding class
    // membership lazily keeps that round trip from invalidating the passing-class caches.
    this.pendingFree.add(cls);
  }

  agentRemoved(a: AgentState): void {
    const t = this.tracks.get(a.profile.id);
    if (t !== undefined) this.untrack(a, t);
    this.tracks.delete(a.profile.id);
    this.agents.delete(a.profile.id);
  }

  addEntry(e: QueueEntry): void {
    let g = this.groups.get(e.sig);
    if (g === undefined) {
      const classSig = classSignature(e.constraints);
      g = { constraints: e.constraints, classSig, row: this.row(classSig), heap: new IndexedHeap(byQueueOrder) };
      this.groups.set(e.sig, g);
    }
    g.heap.push(e);
  }

  removeEntry(e: QueueEntry): void {
    const g = this.groups.get(e.sig);
    if (g === undefined) return;
    g.heap.remove(e);
    if (g.heap.size === 0) this.groups.delete(e.sig);
  }

  bestAgentFor(c: Constraints): Pick {
    if (c.targetAgentId !== null) return this.judgeTarget(c);
    const sig = classSignature(c);
    const row = this.row(sig);
    const base = this.rosterCounts(sig, row, c);
    const drops = new Map<Layer, number>([
      ["presence", this.agents.size - this.onlineTotal],
      ["team", base.team],
      ["skills", base.skills],
      ["language", base.language],
      ["tier", base.tier],
    ]);
    let passing = base.passing;
    let passingFree = 0;
    // Excluded agents drop at the "excluded" layer, not where their class would.
    let excluded = 0;
    for (const id of c.excludeAgentIds) {
      const a = this.agents.get(id);
      if (a === undefined || a.presence !== "online") continue;
      excluded++;
      const v = this.verdictOf(row, (this.tracks.get(id) as Track).cls, c);
      if (v.fail === null) {
        passing--;
        if (a.active.length < a.profile.cap) passingFree--;
      } else {
        addDrop(drops, v.fail, -1);
      }
    }
    addDrop(drops, "excluded", excluded);
    const candidates: CandidateKey[] = [];
    const chosen = new Map<string, AgentState>();
    for (const { cls, proficiency } of this.passingFreeClasses(sig, row, c)) {
      passingFree += cls.free.size;
      this.collectTopTwo(cls, c, proficiency, candidates, chosen);
    }
    // The named CSM passes the tier layer even where their class does not, and wins the pick.
    const csm = c.csmAgentId === null ? undefined : this.agents.get(c.csmAgentId);
    if (csm !== undefined && csm.presence === "online" && !c.excludeAgentIds.includes(csm.profile.id)) {
      const v = this.verdictOf(row, (this.tracks.get(csm.profile.id) as Track).cls, c);
      const free = csm.active.length < csm.profile.cap;
      if (v.fail === "tier") {
        addDrop(drops, "tier", -1);
        passing++;
        if (free) passingFree++;
      }
      if ((v.fail === null || v.fail === "tier") && free && !chosen.has(csm.profile.id)) {
        chosen.set(csm.profile.id, csm);
        candidates.push(candidateKey(csm, c, v.proficiency));
      }
    }
    drops.set("capacity", passing - passingFree);
    candidates.sort(compareCandidates);
    const best = candidates[0] ?? null;
    return {
      agent: best === null ? null : (chosen.get(best.id) ?? null),
      key: best,
      runnerUp: candidates[1] ?? null,
      layers: layersFromDrops(this.agents.size, drops),
    };
  }

  bestEntryFor(a: AgentState): QueueEntry | null {
    if (a.presence !== "online" || a.active.length >= a.profile.cap) return null;
    const t = this.tracks.get(a.profile.id);
    if (t === undefined) return null;
    let best: QueueEntry | null = null;
    for (const g of this.groups.values()) {
      const head = g.heap.peek();
      if (head === undefined || (best !== null && compareRequests(head.request, best.request) >= 0)) continue;
      if (this.mayTake(a, t.cls, g)) best = head;
    }
    return best;
  }

  rank(e: QueueEntry): number {
    const g = this.groups.get(e.sig);
    if (g === undefined) return 1;
    let ahead = 0;
    for (const other of g.heap.values()) if (compareRequests(other.request, e.request) < 0) ahead++;
    return ahead + 1;
  }

  capacityFor(c: Constraints): { online: number; slots: number; free: number } {
    const out = { online: 0, slots: 0, free: 0 };
    const count = (a: AgentState) => {
      out.online++;
      out.slots += a.profile.cap;
      out.free += Math.max(0, a.profile.cap - a.active.length);
    };
    if (c.targetAgentId !== null) {
      const a = this.agents.get(c.targetAgentId);
      const f = a === undefined ? "target" : failingLayer(runtimeView(a), c);
      if (a !== undefined && (f === null || f === "capacity")) count(a);
      return out;
    }
    const row = this.row(classSignature(c));
    for (const cls of this.classList) {
      if (cls.online === 0 || this.verdictOf(row, cls, c).fail !== null) continue;
      out.online += cls.online;
      out.slots += cls.onlineCap;
      out.free += cls.onlineFreeSlots;
    }
    for (const id of c.excludeAgentIds) {
      const a = this.agents.get(id);
      if (a === undefined || a.presence !== "online") continue;
      if (this.verdictOf(row, (this.tracks.get(id) as Track).cls, c).fail !== null) continue;
      out.online--;
      out.slots -= a.profile.cap;
      out.free -= Math.max(0, a.profile.cap - a.active.length);
    }
    const csm = c.csmAgentId === null ? undefined : this.agents.get(c.csmAgentId);
    if (csm !== undefined && csm.presence === "online" && !c.excludeAgentIds.includes(csm.profile.id)) {
      if (this.verdictOf(row, (this.tracks.get(csm.profile.id) as Track).cls, c).fail === "tier") count(csm);
    }
    return out;
  }

  // ---------- internals ----------

  private judgeTarget(c: Constraints): Pick {
    const drops = new Map<Layer, number>();
    const a = this.agents.get(c.targetAgentId as string);
    drops.set("target", this.agents.size - (a === undefined ? 0 : 1));
    const f = a === undefined ? null : failingLayer(runtimeView(a), c);
    if (a !== undefined && f !== null) drops.set(f, 1);
    const ok = a !== undefined && f === null;
    return {
      agent: ok ? a : null,
      key: ok ? candidateKey(a, c, proficiencyFor(a.profile, c)) : null,
      runnerUp: null,
      layers: layersFromDrops(this.agents.size, drops),
    };
  }

  /**
   * Class-level layer counts over online agents for one constraint shape: computed once by a
   * scan of the classes, then kept current as agents come and go (see `countOnline`).
   */
  private rosterCounts(sig: string, row: VerdictRow, c: Constraints): RosterCounts {
    const cached = this.counts.get(sig);
    if (cached !== undefined) return cached;
    const n: RosterCounts = { row, constraints: c, team: 0, skills: 0, language: 0, tier: 0, passing: 0 };
    for (const cls of this.classList) {
      if (cls.online === 0) continue;
      const fail = this.verdictOf(row, cls, c).fail;
      if (fail === null) n.passing += cls.online;
      else if (fail === "team" || fail === "skills" || fail === "language" || fail === "tier") n[fail] += cls.online;
    }
    this.counts.set(sig, n);
    return n;
  }

  private syncFree(): void {
    for (const cls of this.pendingFree) {
      const free = cls.free.size > 0;
      if (free === this.freeClasses.has(cls)) continue;
      if (free) this.freeClasses.add(cls);
      else this.freeClasses.delete(cls);
      this.freeVersion++;
    }
    this.pendingFree.clear();
  }

  /** The classes with a free agent that pass the class-level layers for `sig`, cached. */
  private passingFreeClasses(sig: string, row: VerdictRow, c: Constraints): readonly { cls: AgentClass; proficiency: number }[] {
    this.syncFree();
    const cached = this.passingFree.get(sig);
    if (cached !== undefined && cached.version === this.freeVersion) return cached.classes;
    const classes: { cls: AgentClass; proficiency: number }[] = [];
    for (const cls of this.freeClasses) {
      const v = this.verdictOf(row, cls, c);
      if (v.fail === null) classes.push({ cls, proficiency: v.proficiency });
    }
    this.passingFree.set(sig, { version: this.freeVersion, classes });
    return classes;
  }

  /** Whether agent `a` (of class `cls`) may take the chats of group `g`. */
  private mayTake(a: AgentState, cls: AgentClass, g: Group): boolean {
    const c = g.constraints;
    const id = a.profile.id;
    if (c.targetAgentId !== null && c.targetAgentId !== id) return false;
    if (c.excludeAgentIds.length > 0 && c.excludeAgentIds.includes(id)) return false;
    const v = this.verdictOf(g.row, cls, c);
    if (v.fail === null) return true;
    return v.fail === "tier" && c.csmAgentId === id;
  }

  /** Adds the best two free, non-excluded agents of a class to the candidates. */
  private collectTopTwo(cls: AgentClass, c: Constraints, proficiency: number, out: CandidateKey[], chosen: Map<string, AgentState>): void {
    const heap = cls.free.values();
    let first: AgentState | undefined;
    let second: AgentState | undefined;
    const excludes = c.excludeAgentIds;
    if (excludes.length === 0) {
      // In a binary heap the runner-up is one of the root's children.
      first = heap[0];
      const l = heap[1];
      const r = heap[2];
      second = l === undefined ? r : r === undefined ? l : lessLoaded(r, l) ? r : l;
    } else {
      for (const a of heap) {
        if (excludes.includes(a.profile.id)) continue;
        if (first === undefined || lessLoaded(a, first)) {
          second = first;
          first = a;
        } else if (second === undefined || lessLoaded(a, second)) {
          second = a;
        }
      }
    }
    for (const a of [first, second]) {
      if (a === undefined || chosen.has(a.profile.id)) continue;
      chosen.set(a.profile.id, a);
      out.push(candidateKey(a, c, proficiency));
    }
  }

  private row(sig: string): VerdictRow {
    let row = this.verdicts.get(sig);
    if (row === undefined) {
      row = [];
      this.verdicts.set(sig, row);
    }
    return row;
  }

  private verdictOf(row: VerdictRow, cls: AgentClass, c: Constraints): ClassVerdict {
    let v = row[cls.id];
    if (v === undefined) {
      v = judgeClass(cls.profile, c);
      row[cls.id] = v;
    }
    return v;
  }

  private classFor(p: AgentProfile): AgentClass {
    let cls = this.classOfProfile.get(p);
    if (cls !== undefined) return cls;
    const key = classKey(p);
    cls = this.classes.get(key);
    if (cls === undefined) {
      cls = new AgentClass(this.classList.length, p);
      this.classes.set(key, cls);
      this.classList.push(cls);
    }
    this.classOfProfile.set(p, cls);
    return cls;
  }

  private untrack(a: AgentState, t: Track): void {
    t.cls.members.delete(a);
    t.cls.free.remove(a);
    this.pendingFree.add(t.cls);
    t.cls.online -= Number(t.online);
    this.onlineTotal -= Number(t.online);
    t.cls.onlineCap -= t.cap;
    t.cls.onlineFreeSlots -= t.freeSlots;
    if (t.online) this.countOnline(t.cls, -1);
  }

  /** Keeps every cached layer count right as one agent of `cls` comes online (+1) or leaves (-1). */
  private countOnline(cls: AgentClass, delta: 1 | -1): void {
    for (const n of this.counts.values()) {
      const fail = this.verdictOf(n.row, cls, n.constraints).fail;
      if (fail === null) n.passing += delta;
      else if (fail === "team" || fail === "skills" || fail === "language" || fail === "tier") n[fail] += delta;
    }
  }
}
