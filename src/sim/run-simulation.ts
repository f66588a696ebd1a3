import type { RoutingRequest } from "../core/model.js";
import { buildRoutingRequest } from "../core/rules/index.js";
import type { Effect } from "../core/routing/index.js";
import { EventHeap } from "./event-heap.js";
import { isMisroute } from "./misroute.js";
import type { PolicyName, SimPolicy } from "./policy.js";
import type { RosterAgent, ShiftWindow } from "./roster.js";
import { StrandTracker } from "./strand-tracker.js";
import { arrivalIndex, conversationId, type Traffic } from "./traffic.js";

/** Everything one run needs; traffic, roster and shifts are shared by every policy compared. */
export interface SimInput {
  readonly traffic: Traffic;
  readonly roster: readonly RosterAgent[];
  /** Per roster agent, the windows they are on shift. */
  readonly shifts: readonly (readonly ShiftWindow[])[];
  readonly policy: SimPolicy;
  /** How long an agent takes to accept an offer (only when the router makes offers). */
  readonly offerAcceptMs?: number;
  /** Called now and then with the number of arrivals processed. */
  readonly onProgress?: (arrivalsDone: number) => void;
}

/** What happened to each conversation, and the run's counters. */
export interface SimOutcome {
  readonly policy: PolicyName;
  /** Per arrival: epoch ms of its first assignment (NaN: never answered or async). */
  readonly firstAssignAt: Float64Array;
  /** Per arrival: 1 when the visitor left the queue before an agent took the chat. */
  readonly abandoned: Uint8Array;
  /** Per arrival: 1 when the first agent lacked the rule's skills or the language. */
  readonly misrouted: Uint8Array;
  /**
   * Per arrival: the waiting guarantee seen from outside (see StrandTracker): whether it was ever
   * queued with no agent on shift who could take it, how long it spent so without an async
   * offer, and when and how long after being stranded the router offered the async path.
   */
  readonly strands: Pick<StrandTracker, "everStranded" | "strandedMs" | "asyncOfferedAt" | "offerDelayMs">;
  readonly assignments: number;
  readonly misroutes: number;
  readonly escalations: number;
  readonly requeues: number;
  readonly slaBreachEffects: number;
  /** Chat-slot time in use and staffed (agents not offline), over the scenario's window. */
  readonly busySlotMs: number;
  readonly staffedSlotMs: number;
  /** Virtual time the last conversation ended (completed or abandoned). */
  readonly finishedAt: number;
}

type Kind = "shift_on" | "shift_off" | "complete" | "abandon" | "accept";
const QUEUED = 1;
const ASSIGNED = 2;
const DONE = 3;

/**
 * Runs one policy over the traffic in virtual time: a heap of timed events (shift changes,
 * completions, abandonments, offer accepts) merged with the sorted arrivals and with the
 * policy's own due time (`nextDue` → `tick`). Shift start → online; shift end → away, then
 * offline once the agent's last chat is done. An assignment schedules its completion after the
 * (remaining) handle time; a requeue cancels it. A visitor still queued after their patience
 * leaves (`release`). Deterministic: no clock, no randomness.
 */
export function runSimulation(input: SimInput): SimOutcome {
  const { traffic, roster, policy } = input;
  const arrivals = traffic.arrivals;
  const n = arrivals.length;
  const heap = new EventHeap<Kind>();
  const state = new Uint8Array(n);
  const firstAssignAt = new Float64Array(n).fill(Number.NaN);
  const serviceStart = new Float64Array(n);
  const remaining = new Float64Array(n);
  const token = new Uint32Array(n);
  const holder = new Int32Array(n).fill(-1);
  const abandoned = new Uint8Array(n);
  const misrouted = new Uint8Array(n);
  const agentIndex = new Map(roster.map((a, i) => [a.profile.id, i]));
  const active = new Int32Array(roster.length);
  const present = new Uint8Array(roster.length);
  const onShift = new Uint8Array(roster.length);
  const requests = new Array<RoutingRequest | undefined>(n);
  const strands = new StrandTracker(roster, policy.livePath, n);
  let assignments = 0;
  let misroutes = 0;
  let escalations = 0;
  let requeues = 0;
  let slaBreachEffects = 0;
  let busy = 0;
  let staffed = 0;
  let busySlotMs = 0;
  let staffedSlotMs = 0;
  let last = traffic.startMs;
  let now = traffic.startMs;
  let finishedAt = traffic.startMs;
  const toOffline: number[] = [];

  const advance = (t: number) => {
    const to = Math.min(Math.max(t, traffic.startMs), traffic.endMs);
    if (to > last) {
      busySlotMs += busy * (to - last);
      staffedSlotMs += staffed * (to - last);
      last = to;
    }
    now = t;
  };
  const setPresent = (agent: number, on: boolean) => {
    if (present[agent] === Number(on)) return;
    present[agent] = Number(on);
    staffed += (on ? 1 : -1) * roster[agent]!.profile.cap;
  };
  const hold = (i: number, agent: number) => {
    if (holder[i] === agent) return;
    holder[i] = agent;
    active[agent]!++;
    busy++;
  };
  const unhold = (i: number) => {
    const agent = holder[i]!;
    if (agent < 0) return;
    holder[i] = -1;
    active[agent]!--;
    busy--;
    if (onShift[agent] === 0 && active[agent] === 0 && present[agent] === 1) toOffline.push(agent);
  };

  const handle = (effects: readonly Effect[]) => {
    for (const e of effects) {
      switch (e.kind) {
        case "assign": {
          const i = arrivalIndex(e.conversationId);
          const agent = agentIndex.get(e.agentId)!;
          hold(i, agent);
          strands.leave(i, now);
          state[i] = ASSIGNED;
          serviceStart[i] = now;
          assignments++;
          if (Number.isNaN(firstAssignAt[i]!)) {
            firstAssignAt[i] = now;
            if (isMisroute(roster[agent]!.profile, arrivals[i]!)) {
              misrouted[i] = 1;
              misroutes++;
            }
          }
          heap.push(now + remaining[i]!, "complete", i, token[i]);
          break;
        }
        case "offer": {
          const i = arrivalIndex(e.conversationId);
          hold(i, agentIndex.get(e.agentId)!);
          strands.leave(i, now);
          heap.push(now + (input.offerAcceptMs ?? 0), "accept", i, agentIndex.get(e.agentId)!);
          break;
        }
        case "queued": {
          const i = arrivalIndex(e.conversationId);
          if (state[i] === 0 && Number.isFinite(arrivals[i]!.patienceMs)) heap.push(arrivals[i]!.at + arrivals[i]!.patienceMs, "abandon", i);
          state[i] = QUEUED;
          strands.join(i, requests[i]!, now);
          break;
        }
        case "requeued": {
          const i = arrivalIndex(e.conversationId);
          if (state[i] === ASSIGNED) remaining[i] = Math.max(0, remaining[i]! - (now - serviceStart[i]!));
          token[i]!++;
          unhold(i);
          state[i] = QUEUED;
          strands.join(i, requests[i]!, now);
          requeues++;
          break;
        }
        case "released": {
          const i = arrivalIndex(e.conversationId);
          unhold(i);
          strands.leave(i, now);
          break;
        }
        case "escalated":
          escalations++;
          break;
        case "sla_breached":
          slaBreachEffects++;
          break;
        case "offer_expired":
          break;
        case "unanswered":
          break;
        case "async_offered":
          // The waiting guarantee: the router offered this visitor the async path.
          strands.asyncOffered(arrivalIndex(e.conversationId), now);
          break;
        default: {
          // A new router effect must be read here.
          const unknown: never = e;
          throw new Error(`the simulator does not read the router effect ${JSON.stringify(unknown)}`);
        }
      }
    }
    while (toOffline.length > 0) {
      const agent = toOffline.pop()!;
      if (onShift[agent] === 1 || active[agent] !== 0 || present[agent] === 0) continue;
      setPresent(agent, false);
      handle(policy.apply({ kind: "agent_presence", agentId: roster[agent]!.profile.id, presence: "offline" }, now));
    }
  };

  roster.forEach((a, i) => {
    handle(policy.apply({ kind: "agent_upsert", agent: a.profile }, traffic.startMs));
    for (const [on, off] of input.shifts[i] ?? []) {
      heap.push(on, "shift_on", i);
      heap.push(off, "shift_off", i);
    }
  });

  const fire = (kind: Kind, ref: number, tok: number) => {
    switch (kind) {
      case "shift_on":
        onShift[ref] = 1;
        strands.agentOnShift(ref, true, now);
        setPresent(ref, true);
        handle(policy.apply({ kind: "agent_presence", agentId: roster[ref]!.profile.id, presence: "online" }, now));
        return;
      case "shift_off":
        onShift[ref] = 0;
        strands.agentOnShift(ref, false, now);
        if (active[ref] === 0) {
          setPresent(ref, false);
          handle(policy.apply({ kind: "agent_presence", agentId: roster[ref]!.profile.id, presence: "offline" }, now));
        } else handle(policy.apply({ kind: "agent_presence", agentId: roster[ref]!.profile.id, presence: "away" }, now));
        return;
      case "complete":
        if (token[ref] !== tok || state[ref] !== ASSIGNED) return;
        state[ref] = DONE;
        finishedAt = now;
        handle(policy.apply({ kind: "release", conversationId: conversationId(ref) }, now));
        return;
      case "abandon":
        if (state[ref] !== QUEUED || !Number.isNaN(firstAssignAt[ref]!)) return;
        state[ref] = DONE;
        abandoned[ref] = 1;
        finishedAt = now;
        handle(policy.apply({ kind: "release", conversationId: conversationId(ref) }, now));
        return;
      case "accept":
        if (holder[ref] !== tok) return;
        try {
          handle(policy.apply({ kind: "offer_accept", conversationId: conversationId(ref), agentId: roster[tok]!.profile.id }, now));
        } catch {
          // The offer timed out or was withdrawn first: nothing to accept.
        }
        return;
    }
  };

  let next = 0;
  for (;;) {
    const top = heap.peek();
    const arrivalAt = next < n ? arrivals[next]!.at : Number.POSITIVE_INFINITY;
    const eventAt = top === undefined ? Number.POSITIVE_INFINITY : top.at;
    const due = policy.nextDue();
    if (due !== null && due <= eventAt && due <= arrivalAt) {
      advance(Math.max(due, now));
      handle(policy.apply({ kind: "tick" }, now));
      continue;
    }
    if (top !== undefined && eventAt <= arrivalAt) {
      heap.pop();
      advance(top.at);
      fire(top.kind, top.ref, top.token);
      continue;
    }
    if (next >= n) break;
    const a = arrivals[next]!;
    advance(a.at);
    remaining[next] = a.handleMs;
    if (a.async === null) {
      const request = buildRoutingRequest({
        conversationId: conversationId(next),
        rule: a.rule,
        language: a.language,
        csmAgentId: a.csmAgentId,
        triggeredAt: a.at,
        now: a.at,
        priorityBoost: a.priorityBoost,
      });
      requests[next] = request;
      handle(policy.apply({ kind: "enqueue", request }, now));
    }
    next++;
    if ((next & 4095) === 0) input.onProgress?.(next);
  }
  input.onProgress?.(n);
  strands.finish(now);
  return {
    policy: policy.name,
    firstAssignAt,
    abandoned,
    misrouted,
    strands,
    assignments,
    misroutes,
    escalations,
    requeues,
    slaBreachEffects,
    busySlotMs,
    staffedSlotMs,
    finishedAt,
  };
}
