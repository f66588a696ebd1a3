import type { AgentRuntime } from "../model.js";
import { AgentClass, type ClassVerdict, classKey, classSignature, judgeClass, lessLoaded } from "./agent-class.js";
import type { Constraints } from "./constraints.js";
import { failingLayer, type Layer, proficiencyFor } from "./eligibility.js";
import { IndexedHeap } from "./indexed-heap.js";
import { layersFromDrops } from "./layers.js";
import { type CandidateKey, compareCandidates, compareRequests } from "./order.js";
import { type AgentState, candidateKey, type Pick, type QueueEntry, type RouterIndex } from "./router-index.js";

interface Track {
  cls: AgentClass;
  online: boolean;
  cap: number;
  freeSlots: number;
}

interface Group {
  readonly constraints: Constraints;
  readonly classSig: string;
  readonly heap: IndexedHeap<QueueEntry>;
}

const byQueueOrder = (a: QueueEntry, b: QueueEntry): boolean => compareRequests(a.request, b.request) < 0;

function runtime(a: AgentState): AgentRuntime {
  return { ...a.profile, presence: a.presence, active: a.active, idleSince: a.idleSince };
}

/**
 * The production index. Agents sit in classes of identical routing profile, so a pick looks
 * at one verdict and the best free agent per class; queued chats sit in one priority heap per
 * distinct set of constraints, so an agent with freed capacity looks at one head per group.
 * Both costs grow with the number of distinct profiles and constraint sets, not with the
 * number of agents or chats.
 */
export class FastIndex implements RouterIndex {
  private readonly classes = new Map<string, AgentClass>();
  private readonly classList: AgentClass[] = [];
  private readonly tracks = new Map<string, Track>();
  private readonly agents = new Map<string, AgentState>();
  private readonly verdicts = new Map<string, (ClassVerdict | undefined)[]>();
  private readonly groups = new Map<string, Group>();
  private onlineTotal = 0;

  agentChanged(a: AgentState): void {
    const id = a.profile.id;
    this.agents.set(id, a);
    const cls = this.classFor(a);
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
      g = { constraints: e.constraints, classSig: classSignature(e.constraints), heap: new IndexedHeap(byQueueOrder) };
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
    const drops = new Map<Layer, number>();
    const add = (l: Layer, n: number) => drops.set(l, (drops.get(l) ?? 0) + n);
    add("presence", this.agents.size - this.onlineTotal);
    const excludedOnline = c.excludeAgentIds.filter((id) => this.agents.get(id)?.presence === "online");
    add("excluded", excludedOnline.length);
    const csm = c.csmAgentId === null ? undefined : this.agents.get(c.csmAgentId);
    const candidates: CandidateKey[] = [];
    const byId = new Map<string, AgentState>();
    const push = (a: AgentState, proficiency: number) => {
      if (byId.has(a.profile.id)) return;
      byId.set(a.profile.id, a);
      candidates.push(candidateKey(a, c, proficiency));
    };
    for (const cls of this.classList) {
      if (cls.online === 0) continue;
      const v = this.verdict(sig, cls, c);
      let online = cls.online;
      let free = cls.free.size;
      for (const id of excludedOnline) {
        const a = this.agents.get(id) as AgentState;
        if (this.tracks.get(id)?.cls !== cls) continue;
        online--;
        if (cls.free.has(a)) free--;
      }
      if (v.fail !== null) {
        add(v.fail, online);
        continue;
      }
      add("capacity", online - free);
      for (const a of this.topTwo(cls, c)) push(a, v.proficiency);
    }
    // The named CSM passes the tier layer even where their class does not.
    if (csm !== undefined && csm.presence === "online" && !c.excludeAgentIds.includes(csm.profile.id)) {
      const cls = (this.tracks.get(csm.profile.id) as Track).cls;
      const v = this.verdict(sig, cls, c);
      if (v.fail === "tier") {
        add("tier", -1);
        if (csm.active.length >= csm.profile.cap) add("capacity", 1);
        else push(csm, v.proficiency);
      } else if (v.fail === null && csm.active.length < csm.profile.cap) {
        push(csm, v.proficiency);
      }
    }
    candidates.sort(compareCandidates);
    const best = candidates[0] ?? null;
    const runnerUp = candidates.find((k) => best !== null && k.id !== best.id) ?? null;
    return {
      agent: best === null ? null : (byId.get(best.id) ?? null),
      key: best,
      runnerUp,
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
      if (!this.mayTake(a, t.cls, g)) continue;
      best = head;
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
      const f = a === undefined ? "target" : failingLayer(runtime(a), c);
      if (a !== undefined && (f === null || f === "capacity")) count(a);
      return out;
    }
    const sig = classSignature(c);
    for (const cls of this.classList) {
      if (cls.online === 0 || this.verdict(sig, cls, c).fail !== null) continue;
      out.online += cls.online;
      out.slots += cls.onlineCap;
      out.free += cls.onlineFreeSlots;
    }
    for (const id of c.excludeAgentIds) {
      const a = this.agents.get(id);
      if (a === undefined || a.presence !== "online") continue;
      const v = this.verdict(sig, (this.tracks.get(id) as Track).cls, c);
      if (v.fail !== null) continue;
      out.online--;
      out.slots -= a.profile.cap;
      out.free -= Math.max(0, a.profile.cap - a.active.length);
    }
    const csm = c.csmAgentId === null ? undefined : this.agents.get(c.csmAgentId);
    if (csm !== undefined && csm.presence === "online" && !c.excludeAgentIds.includes(csm.profile.id)) {
      if (this.verdict(sig, (this.tracks.get(csm.profile.id) as Track).cls, c).fail === "tier") count(csm);
    }
    return out;
  }

  // ---------- internals ----------

  private judgeTarget(c: Constraints): Pick {
    const drops = new Map<Layer, number>();
    const a = this.agents.get(c.targetAgentId as string);
    drops.set("target", this.agents.size - (a === undefined ? 0 : 1));
    const f = a === undefined ? null : failingLayer(runtime(a), c);
    if (a !== undefined && f !== null) drops.set(f, 1);
    const ok = a !== undefined && f === null;
    return {
      agent: ok ? a : null,
      key: ok ? candidateKey(a, c, proficiencyFor(a.profile, c)) : null,
      runnerUp: null,
      layers: layersFromDrops(this.agents.size, drops),
    };
  }

  /** Whether agent `a` (of class `cls`) may take the chats of group `g`. */
  private mayTake(a: AgentState, cls: AgentClass, g: Group): boolean {
    const c = g.constraints;
    const id = a.profile.id;
    if (c.targetAgentId !== null && c.targetAgentId !== id) return false;
    if (c.excludeAgentIds.length > 0 && c.excludeAgentIds.includes(id)) return false;
    const v = this.verdict(g.classSig, cls, c);
    if (v.fail === null) return true;
    return v.fail === "tier" && c.csmAgentId === id;
  }

  /** The best two free agents of a class that are not excluded, in pick order. */
  private topTwo(cls: AgentClass, c: Constraints): AgentState[] {
    const heap = cls.free.values();
    const ok = (a: AgentState | undefined): a is AgentState => a !== undefined && !c.excludeAgentIds.includes(a.profile.id);
    const [root, l, r] = [heap[0], heap[1], heap[2]];
    if (ok(root) && (l === undefined || ok(l)) && (r === undefined || ok(r))) {
      const second = l === undefined ? r : r === undefined ? l : lessLoaded(r, l) ? r : l;
      return second === undefined ? [root] : [root, second];
    }
    // An excluded agent sits at the top: rare (declines, transfers), so scan the class.
    return heap
      .filter(ok)
      .sort((x, y) => (lessLoaded(x, y) ? -1 : 1))
      .slice(0, 2);
  }

  private verdict(sig: string, cls: AgentClass, c: Constraints): ClassVerdict {
    let row = this.verdicts.get(sig);
    if (row === undefined) {
      row = [];
      this.verdicts.set(sig, row);
    }
    let v = row[cls.id];
    if (v === undefined) {
      v = judgeClass(cls.profile, c);
      row[cls.id] = v;
    }
    return v;
  }

  private classFor(a: AgentState): AgentClass {
    const key = classKey(a.profile);
    let cls = this.classes.get(key);
    if (cls === undefined) {
      cls = new AgentClass(this.classList.length, a.profile);
      this.classes.set(key, cls);
      this.classList.push(cls);
    }
    return cls;
  }

  private untrack(a: AgentState, t: Track): void {
    t.cls.members.delete(a);
    t.cls.free.remove(a);
    t.cls.online -= Number(t.online);
    this.onlineTotal -= Number(t.online);
    t.cls.onlineCap -= t.cap;
    t.cls.onlineFreeSlots -= t.freeSlots;
  }
}
