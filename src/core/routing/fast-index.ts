import type { AgentProfile } from "../model.js";
import { AgentClass, classKey, classSignature, lessLoaded } from "./agent-class.js";
import { ClassColumns, type ColumnQuery, FAIL_TIER, PASS } from "./class-columns.js";
import type { Constraints } from "./constraints.js";
import { failingLayer, LAYERS, type Layer, levelFor, mayServe } from "./eligibility.js";
import { layersFromDrops } from "./layers.js";
import { QueueGroup } from "./queue-group.js";
import { compareRequests } from "./order.js";
import { type AgentState, candidateKey, type IndexTrack, type Pick, type QueueEntry, type RouterIndex, runtimeView } from "./router-index.js";
import type { LayerStep } from "./types.js";

/** A class's verdict for a class shape, as stored: not judged yet, then a code from class-columns.ts. */
const UNKNOWN = 0;
const TIER = FAIL_TIER;
/** Index of a layer in `LAYERS`, which is also its slot in a drops array. */
const layerIndex = (layer: Layer): number => LAYERS.indexOf(layer);
/** Index in `LAYERS` (and in a drops array) of each failure code. */
const LAYER_OF_CODE = [-1, -1, layerIndex("team"), layerIndex("skills"), layerIndex("language"), layerIndex("tier")];
const TARGET = layerIndex("target");
const PRESENCE = layerIndex("presence");
const EXCLUDED = layerIndex("excluded");
const CAPACITY = layerIndex("capacity");

/**
 * Everything the index knows about one class signature (constraints up to the named CSM,
 * exclusions and target): each class's verdict, and among online agents how many each
 * class-level layer filters out, and which classes with a free agent pass. All kept current
 * as agents come, go and fill up, so a placement reads them instead of scanning.
 */
class ClassShape {
  /** Verdict code per class id (PASS or a FAIL_ code), and the class's level. */
  codes = new Int8Array(64);
  level = new Float64Array(64);
  /** Online agents dropped per LAYERS index (team, skills, language, tier), and passing. */
  readonly drops = [0, 0, 0, 0, 0, 0, 0, 0];
  passing = 0;
  /** Passing classes with a free agent, by level; `levels` lists the levels that have some, best first. */
  readonly passingFree = new Map<number, ClassSet>();
  levels: number[] = [];
  /** Free agents in passing classes. */
  freeAgents = 0;
  /** Passing classes with an agent online (for capacity questions). */
  readonly passingOnline = new ClassSet();
  /** This class signature's queue groups that have (or recently had) queued chats. */
  groups: Shape[] = [];

  constructor(
    readonly sig: string,
    readonly constraints: Constraints,
    readonly query: ColumnQuery,
  ) {}

  /** A passing class gained a free agent: it joins its level (the level is listed while it has classes). */
  joinFree(level: number, cls: AgentClass): void {
    let set = this.passingFree.get(level);
    if (set === undefined) {
      set = new ClassSet();
      this.passingFree.set(level, set);
    }
    set.add(cls);
    if (set.items.length !== 1) return;
    // Levels are few and change rarely: keep them sorted, best first, by insertion.
    let i = 0;
    while (i < this.levels.length && (this.levels[i] as number) > level) i++;
    if (this.levels[i] !== level) this.levels.splice(i, 0, level);
  }

  /** A passing class has no free agent left; an empty level leaves the list, so a pick never walks it. */
  leaveFree(level: number, cls: AgentClass): void {
    const set = this.passingFree.get(level);
    if (set === undefined) return;
    set.remove(cls);
    if (set.items.length === 0) {
      const i = this.levels.indexOf(level);
      if (i >= 0) this.levels.splice(i, 1);
    }
  }
}

/** A set of agent classes in an array (fast to walk), with O(1) add and remove by class id. */
class ClassSet {
  readonly items: AgentClass[] = [];
  /** 1 + the position of each class id in `items`; 0 when absent. */
  private slots = new Int32Array(64);

  add(cls: AgentClass): void {
    if (cls.id >= this.slots.length) {
      const grown = new Int32Array(Math.max(2 * this.slots.length, cls.id + 1));
      grown.set(this.slots);
      this.slots = grown;
    }
    if (this.slots[cls.id] !== 0) return;
    this.items.push(cls);
    this.slots[cls.id] = this.items.length;
  }

  remove(cls: AgentClass): void {
    const at = cls.id < this.slots.length ? (this.slots[cls.id] as number) - 1 : -1;
    if (at < 0) return;
    const last = this.items.pop() as AgentClass;
    this.slots[cls.id] = 0;
    if (last !== cls) {
      this.items[at] = last;
      this.slots[last.id] = at + 1;
    }
  }
}

/** The best two candidates seen so far, in pick order (`compareCandidates`), without building keys. */
class TopTwo {
  first: AgentState | null = null;
  firstLevel = 0;
  second: AgentState | null = null;
  secondLevel = 0;

  private csmId: string | null = null;

  /** Starts over for a pick where `csmId` is the customer's named CSM. */
  reset(csmId: string | null): this {
    this.csmId = csmId;
    this.first = null;
    this.second = null;
    return this;
  }

  consider(a: AgentState, level: number): void {
    if (a === this.first || a === this.second) return;
    if (this.first === null || this.beats(a, level, this.first, this.firstLevel)) {
      this.second = this.first;
      this.secondLevel = this.firstLevel;
      this.first = a;
      this.firstLevel = level;
    } else if (this.second === null || this.beats(a, level, this.second, this.secondLevel)) {
      this.second = a;
      this.secondLevel = level;
    }
  }

  /** Whether `a` would make the top two (ignoring that it may already be in it). */
  couldEnter(a: AgentState, level: number): boolean {
    return this.second === null || this.beats(a, level, this.second, this.secondLevel);
  }

  /** Whether a class of this level can place anyone but the named CSM in the top two. */
  admits(level: number): boolean {
    return this.second === null || level >= this.secondLevel;
  }

  /** Pick order: named CSM, higher pick level (`levelFor`), then as within a class (load, idle, id). */
  private beats(a: AgentState, pa: number, b: AgentState, pb: number): boolean {
    const aCsm = a.profile.id === this.csmId;
    const bCsm = b.profile.id === this.csmId;
    if (aCsm !== bCsm) return aCsm;
    if (pa !== pb) return pa > pb;
    return lessLoaded(a, b);
  }
}

/** One full constraint set: its queue group (chats in queue order) and cached explanations. */
class Shape extends QueueGroup<QueueEntry> {
  /** Whether the shape is in its class shape's `groups`. */
  listed = false;
  /** The last layer steps handed out for this shape, and the drops they were built from. */
  layers: readonly LayerStep[] | null = null;
  readonly layerDrops: number[] = [];
  layerTotal = -1;
  /** Whether only some agents of a passing class may take these chats (a target or exclusions). */
  readonly restricted: boolean;

  constructor(
    readonly sig: string,
    readonly constraints: Constraints,
    readonly cs: ClassShape,
  ) {
    super();
    this.restricted = constraints.targetAgentId !== null || constraints.excludeAgentIds.length > 0;
  }
}

/** Per agent class: the class shapes whose queue groups it may take from (pass, or fail only at tier). */
interface ClassReach {
  /** How many entries of `classShapeList` have been judged. */
  seen: number;
  readonly shapes: ClassShape[];
  /** Per entry of `shapes`: whether the class fails there at the tier layer only (groups open to their named CSM alone). */
  readonly csmOnly: boolean[];
}

/** Shapes without queued chats are kept for reuse until they outnumber the busy ones by this much. */
const SPARE_SHAPES = 512;

export interface FastIndexOptions {
  /** How many idle shapes to keep beyond twice the busy ones before forgetting them (tests use 0). */
  readonly spareShapes?: number;
}

/**
 * The production index.
 *
 * Agents sit in classes of identical routing profile; each class keeps its free agents in pick
 * order. For each class signature (a class shape) the index keeps the classes' verdicts, the
 * per-layer counts of online agents, and the passing classes that have a free agent (by
 * level) or an agent online, all updated incrementally, so placing a chat looks only at
 * classes that could take it now (few, when chats are queued), and its explanation is reused
 * while those counts hold.
 *
 * Queued chats sit in one group per distinct set of constraints (a sorted run and a heap, the
 * head's keys cached). Each agent class keeps the list of class shapes its profile may take
 * from, so an agent with freed capacity compares the heads of those shapes' groups only.
 * docs/ARCHITECTURE.md tells the whole story.
 */
export class FastIndex implements RouterIndex {
  private readonly classes = new Map<string, AgentClass>();
  private readonly classList: AgentClass[] = [];
  private readonly classOfProfile = new WeakMap<AgentProfile, AgentClass>();
  /** Classes whose free list changed since the last sync (see `syncFree`). */
  private readonly pendingFree: AgentClass[] = [];
  private readonly agents = new Map<string, AgentState>();
  private readonly classShapes = new Map<string, ClassShape>();
  private readonly classShapeList: ClassShape[] = [];
  private readonly shapes = new Map<string, Shape>();
  private lastShape: Shape | null = null;
  private busyShapes = 0;
  private readonly reach: ClassReach[] = [];
  private onlineTotal = 0;
  private readonly columns = new ClassColumns();
  private readonly judged = new Float64Array(1);
  private readonly spareShapes: number;
  private readonly drops = [0, 0, 0, 0, 0, 0, 0, 0];
  private readonly top = new TopTwo();
  private readonly pick: { -readonly [K in keyof Pick]: Pick[K] } = { agent: null, key: null, runnerUp: null, layers: [] };

  constructor(options: FastIndexOptions = {}) {
    this.spareShapes = options.spareShapes ?? SPARE_SHAPES;
  }

  agentChanged(a: AgentState): void {
    let t = a.track;
    if (t === null || t.profile !== a.profile) {
      const cls = this.classFor(a.profile);
      if (t !== null && t.cls !== cls) {
        this.untrack(a, t);
        t = null;
      }
      if (t === null) {
        this.agents.set(a.profile.id, a);
        t = { profile: a.profile, cls, online: false, cap: 0, freeSlots: 0 };
        a.track = t;
      }
      t.profile = a.profile;
    }
    const cls = t.cls;
    const online = a.presence === "online";
    const cap = online ? a.profile.cap : 0;
    const freeSlots = online ? Math.max(0, a.profile.cap - a.active.length) : 0;
    if (online !== t.online) {
      this.countOnline(cls, online ? 1 : -1);
      cls.online += online ? 1 : -1;
      this.onlineTotal += online ? 1 : -1;
    }
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
    // membership lazily keeps that round trip from touching every class shape.
    this.markPending(cls);
  }

  agentRemoved(a: AgentState): void {
    if (a.track !== null) this.untrack(a, a.track);
    a.track = null;
    this.agents.delete(a.profile.id);
  }

  addEntry(e: QueueEntry): void {
    const s = this.shape(e.constraints, e.sig);
    // Queued chats share their shape's constraints and signature (equal ones), so the copies
    // made for the placement do not outlive it.
    e.constraints = s.constraints;
    e.sig = s.sig;
    e.group = s;
    if (s.size === 0) this.busyShapes++;
    s.push(e);
    if (!s.listed) {
      s.listed = true;
      s.cs.groups.push(s);
    }
  }

  removeEntry(e: QueueEntry): void {
    const g = e.group;
    e.group = null;
    if (g === null || !g.remove(e)) return;
    if (g.size === 0) this.busyShapes--;
  }

  bestAgentFor(c: Constraints, sig: string): Pick {
    if (c.targetAgentId !== null) return this.judgeTarget(c);
    const shape = this.shape(c, sig);
    const cs = shape.cs;
    this.syncFree();
    const drops = this.drops;
    for (let i = 0; i < drops.length; i++) drops[i] = cs.drops[i] as number;
    drops[PRESENCE] = this.agents.size - this.onlineTotal;
    let passing = cs.passing;
    let passingFree = 0;
    // Excluded agents drop at the "excluded" layer, not where their class would.
    for (const id of c.excludeAgentIds) {
      const a = this.agents.get(id);
      if (a === undefined || a.presence !== "online") continue;
      bump(drops, EXCLUDED, 1);
      const code = this.codeOf(cs, this.classOf(a));
      if (code === PASS) {
        passing--;
        if (a.active.length < a.profile.cap) passingFree--;
      } else {
        bump(drops, LAYER_OF_CODE[code] as number, -1);
      }
    }
    const top = this.top.reset(c.csmAgentId);
    passingFree += cs.freeAgents;
    // Best level first (see `levelFor`): once two are found, a lower level cannot enter.
    for (const level of cs.levels) {
      if (!top.admits(level)) break;
      const classes = (cs.passingFree.get(level) as ClassSet).items;
      for (let i = 0; i < classes.length; i++) this.topTwoOf(classes[i] as AgentClass, c, level, top);
    }
    // The named CSM passes the tier layer even where their class does not, and wins the pick.
    const csm = c.csmAgentId === null ? undefined : this.agents.get(c.csmAgentId);
    if (csm !== undefined && csm.presence === "online" && !c.excludeAgentIds.includes(csm.profile.id)) {
      const cls = this.classOf(csm);
      const code = this.codeOf(cs, cls);
      const free = csm.active.length < csm.profile.cap;
      if (code === TIER) {
        bump(drops, LAYER_OF_CODE[TIER] as number, -1);
        passing++;
        if (free) passingFree++;
      }
      if ((code === PASS || code === TIER) && free) top.consider(csm, cs.level[cls.id] as number);
    }
    drops[CAPACITY] = passing - passingFree;
    // One Pick object serves every call: the router reads it before asking again.
    const pick = this.pick;
    pick.layers = this.layersOf(shape, drops);
    pick.agent = top.first;
    pick.key = top.first === null ? null : candidateKey(top.first, c, top.firstLevel);
    pick.runnerUp = top.second === null ? null : candidateKey(top.second, c, top.secondLevel);
    return pick;
  }

  bestEntryFor(a: AgentState): QueueEntry | null {
    if (a.presence !== "online" || a.active.length >= a.profile.cap) return null;
    const t = a.track;
    if (t === null) return null;
    const id = a.profile.id;
    let best: Shape | null = null;
    let priority = 0;
    let deadline = 0;
    let arrived = 0;
    const reach = this.reachOf(t.cls);
    for (let k = 0; k < reach.shapes.length; k++) {
      const groups = (reach.shapes[k] as ClassShape).groups;
      const csmOnly = reach.csmOnly[k] as boolean;
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i] as Shape;
        if (g.head === undefined) continue;
        if (best !== null) {
          // Queue order on the heads' keys (compareRequests), without touching the chats.
          if (g.headPriority !== priority) {
            if (g.headPriority < priority) continue;
          } else if (g.headDeadline !== deadline) {
            if (g.headDeadline > deadline) continue;
          } else if (g.headArrived !== arrived) {
            if (g.headArrived > arrived) continue;
          } else if (compareRequests(g.head.request, (best.head as QueueEntry).request) >= 0) continue;
        }
        const c = g.constraints;
        if (csmOnly && c.csmAgentId !== id) continue;
        if (g.restricted && ((c.targetAgentId !== null && c.targetAgentId !== id) || c.excludeAgentIds.includes(id))) continue;
        best = g;
        priority = g.headPriority;
        deadline = g.headDeadline;
        arrived = g.headArrived;
      }
    }
    return best === null ? null : (best.head as QueueEntry);
  }

  rank(e: QueueEntry): number {
    if (e.group === null) return 1;
    let ahead = 0;
    for (const other of e.group.values()) if (compareRequests(other.request, e.request) < 0) ahead++;
    return ahead + 1;
  }

  rankAmong(e: QueueEntry, agents: readonly AgentState[]): number {
    // Only groups whose best chat comes before `e` can hold chats ahead of it; each group is
    // judged once (its chats share constraints), and only an admitted group is counted through.
    let ahead = 0;
    for (const g of this.shapes.values()) {
      const head = g.head;
      if (head === undefined || compareRequests(head.request, e.request) >= 0) continue;
      const c = g.constraints;
      if (!agents.some((a) => mayServe(a.profile, c))) continue;
      for (const other of g.values()) if (compareRequests(other.request, e.request) < 0) ahead++;
    }
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
    const cs = this.classShape(c);
    for (const cls of cs.passingOnline.items) {
      out.online += cls.online;
      out.slots += cls.onlineCap;
      out.free += cls.onlineFreeSlots;
    }
    for (const id of c.excludeAgentIds) {
      const a = this.agents.get(id);
      if (a === undefined || a.presence !== "online") continue;
      if (this.codeOf(cs, this.classOf(a)) !== PASS) continue;
      out.online--;
      out.slots -= a.profile.cap;
      out.free -= Math.max(0, a.profile.cap - a.active.length);
    }
    const csm = c.csmAgentId === null ? undefined : this.agents.get(c.csmAgentId);
    if (csm !== undefined && csm.presence === "online" && !c.excludeAgentIds.includes(csm.profile.id)) {
      if (this.codeOf(cs, this.classOf(csm)) === TIER) count(csm);
    }
    return out;
  }

  // ---------- internals ----------

  private judgeTarget(c: Constraints): Pick {
    const drops = [0, 0, 0, 0, 0, 0, 0, 0];
    const a = this.agents.get(c.targetAgentId as string);
    drops[TARGET] = this.agents.size - (a === undefined ? 0 : 1);
    const f = a === undefined ? null : failingLayer(runtimeView(a), c);
    if (f !== null) drops[layerIndex(f)] = 1;
    const ok = a !== undefined && f === null;
    return {
      agent: ok ? a : null,
      key: ok ? candidateKey(a, c, levelFor(a.profile, c)) : null,
      runnerUp: null,
      layers: layersFromDrops(this.agents.size, drops),
    };
  }

  /** The interned shape for a full signature; the first time, its class shape too. */
  private shape(c: Constraints, sig: string): Shape {
    // A placement that queues asks twice in a row: for an agent, then to add the chat.
    const last = this.lastShape;
    if (last !== null && last.sig === sig) return last;
    let s = this.shapes.get(sig);
    if (s === undefined) {
      if (this.shapes.size >= 2 * this.busyShapes + this.spareShapes) this.compact();
      s = new Shape(sig, c, this.classShape(c));
      this.shapes.set(sig, s);
    }
    this.lastShape = s;
    return s;
  }

  /**
   * The class shape for these constraints. A new one is counted by one scan of the classes;
   * from then on `countOnline` and `syncFree` keep it current.
   */
  private classShape(c: Constraints): ClassShape {
    const sig = classSignature(c);
    let cs = this.classShapes.get(sig);
    if (cs !== undefined) return cs;
    // Sync first: the scan below counts the new shape from the synced state.
    this.syncFree();
    cs = new ClassShape(sig, c, this.columns.query(c));
    this.classShapes.set(sig, cs);
    this.classShapeList.push(cs);
    for (const cls of this.classList) {
      const code = this.codeOf(cs, cls);
      if (cls.online > 0) {
        if (code === PASS) cs.passing += cls.online;
        else bump(cs.drops, LAYER_OF_CODE[code] as number, cls.online);
      }
      if (cls.syncedFree > 0 && code === PASS) {
        cs.joinFree(cs.level[cls.id] as number, cls);
        cs.freeAgents += cls.syncedFree;
      }
      if (cls.online > 0 && code === PASS) cs.passingOnline.add(cls);
    }
    return cs;
  }

  /** The layer steps for these drops: the same array as last time when nothing changed. */
  private layersOf(shape: Shape, drops: number[]): readonly LayerStep[] {
    const total = this.agents.size;
    const last = shape.layerDrops;
    let same = shape.layers !== null && shape.layerTotal === total;
    for (let i = 0; same && i < drops.length; i++) same = last[i] === drops[i];
    if (same) return shape.layers as readonly LayerStep[];
    const layers = layersFromDrops(total, drops);
    shape.layers = layers;
    shape.layerTotal = total;
    last.length = 0;
    last.push(...drops);
    return layers;
  }

  /**
   * Brings every class shape's passing free classes and free-agent count up to date with the
   * classes whose free lists changed since the last sync. A release and the drain that refills
   * the same agent net out here, so they touch no class shape.
   */
  private syncFree(): void {
    if (this.pendingFree.length === 0) return;
    for (const cls of this.pendingFree) {
      cls.pending = false;
      const size = cls.free.size;
      const delta = size - cls.syncedFree;
      if (delta === 0) continue;
      const joins = cls.syncedFree === 0;
      const leaves = size === 0;
      cls.syncedFree = size;
      for (const cs of this.classShapeList) {
        if (this.codeOf(cs, cls) !== PASS) continue;
        cs.freeAgents += delta;
        if (joins) cs.joinFree(cs.level[cls.id] as number, cls);
        else if (leaves) cs.leaveFree(cs.level[cls.id] as number, cls);
      }
    }
    this.pendingFree.length = 0;
  }

  /** The class shapes whose groups this class may take from, brought up to date. */
  private reachOf(cls: AgentClass): ClassReach {
    let r = this.reach[cls.id];
    if (r === undefined) {
      r = { seen: 0, shapes: [], csmOnly: [] };
      this.reach[cls.id] = r;
    }
    const list = this.classShapeList;
    for (; r.seen < list.length; r.seen++) {
      const cs = list[r.seen] as ClassShape;
      const code = this.codeOf(cs, cls);
      if (code !== PASS && code !== TIER) continue;
      r.shapes.push(cs);
      r.csmOnly.push(code === TIER);
    }
    return r;
  }

  /** Forgets shapes with no queued chats (kept until now for their cached counts). */
  private compact(): void {
    this.lastShape = null;
    for (const [sig, s] of this.shapes) {
      if (s.size > 0) continue;
      this.shapes.delete(sig);
      s.listed = false;
    }
    for (const cs of this.classShapeList) cs.groups = cs.groups.filter((s) => s.listed);
  }

  private codeOf(cs: ClassShape, cls: AgentClass): number {
    const id = cls.id;
    if (id >= cs.codes.length) {
      const size = Math.max(2 * cs.codes.length, this.classList.length);
      const codes = new Int8Array(size);
      codes.set(cs.codes);
      cs.codes = codes;
      const level = new Float64Array(size);
      level.set(cs.level);
      cs.level = level;
    }
    let code = cs.codes[id] as number;
    if (code === UNKNOWN) {
      code = this.columns.judge(id, cs.query, this.judged);
      cs.codes[id] = code;
      cs.level[id] = this.judged[0] as number;
    }
    return code;
  }

  /** Offers the best two free, non-excluded agents of a class to `top`. */
  private topTwoOf(cls: AgentClass, c: Constraints, level: number, top: TopTwo): void {
    const heap = cls.free.values();
    const excludes = c.excludeAgentIds;
    if (excludes.length === 0) {
      // In a binary heap the runner-up is one of the root's children, and when the root does
      // not beat the current second best, no one in the class does.
      const root = heap[0];
      if (root === undefined || !top.couldEnter(root, level)) return;
      for (let i = 0; i < 3 && i < heap.length; i++) top.consider(heap[i] as AgentState, level);
      return;
    }
    let first: AgentState | undefined;
    let second: AgentState | undefined;
    for (const a of heap) {
      if (excludes.includes(a.profile.id)) continue;
      if (first === undefined || lessLoaded(a, first)) {
        second = first;
        first = a;
      } else if (second === undefined || lessLoaded(a, second)) {
        second = a;
      }
    }
    if (first !== undefined) top.consider(first, level);
    if (second !== undefined) top.consider(second, level);
  }

  private markPending(cls: AgentClass): void {
    if (cls.pending) return;
    cls.pending = true;
    this.pendingFree.push(cls);
  }

  private classOf(a: AgentState): AgentClass {
    return (a.track as IndexTrack).cls;
  }

  private classFor(p: AgentProfile): AgentClass {
    let cls = this.classOfProfile.get(p);
    if (cls !== undefined) return cls;
    const key = classKey(p);
    cls = this.classes.get(key);
    if (cls === undefined) {
      cls = new AgentClass(this.classList.length, p);
      this.columns.add(cls.id, p);
      this.classes.set(key, cls);
      this.classList.push(cls);
    }
    this.classOfProfile.set(p, cls);
    return cls;
  }

  private untrack(a: AgentState, t: IndexTrack): void {
    t.cls.free.remove(a);
    this.markPending(t.cls);
    t.cls.onlineCap -= t.cap;
    t.cls.onlineFreeSlots -= t.freeSlots;
    if (t.online) {
      this.countOnline(t.cls, -1);
      t.cls.online--;
      this.onlineTotal--;
    }
  }

  /** Keeps every class shape's layer counts right as one agent of `cls` comes online (+1) or leaves (-1). */
  private countOnline(cls: AgentClass, delta: 1 | -1): void {
    // Called before `cls.online` moves: a class joins or leaves the online sets at 0.
    const joins = delta === 1 && cls.online === 0;
    const leaves = delta === -1 && cls.online === 1;
    for (const cs of this.classShapeList) {
      const code = this.codeOf(cs, cls);
      if (code === PASS) {
        cs.passing += delta;
        if (joins) cs.passingOnline.add(cls);
        else if (leaves) cs.passingOnline.remove(cls);
      } else {
        bump(cs.drops, LAYER_OF_CODE[code] as number, delta);
      }
    }
  }
}

function bump(xs: number[], i: number, by: number): void {
  xs[i] = (xs[i] as number) + by;
}
