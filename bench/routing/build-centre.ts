import type { AgentProfile, AgentRuntime, RoutingRequest } from "../../src/core/model.js";
import { classKey } from "../../src/core/routing/agent-class.js";
import { constraintsFor, signatureOf, stepsDueBy } from "../../src/core/routing/constraints.js";
import { failingLayer } from "../../src/core/routing/eligibility.js";
import type { RouterSnapshot } from "../../src/core/routing/index.js";
import { Rng } from "../bench-kit.js";
import { fillRequest, makeAgent, makeRequest } from "./centre.js";

/** Simulated milliseconds between two events of the steady-state stream. */
export const STEP_MS = 2;
/** Share of stream events that are new chats: the queued chats arrived at the same rate. */
const ENQUEUE_SHARE = 0.46;
export const T0 = 1_700_000_000_000;

export interface Centre {
  readonly snapshot: RouterSnapshot;
  /** Conversations in routing at T0 (assigned + queued). */
  readonly enqueued: number;
  readonly csmPool: readonly string[];
  readonly buildMs: number;
  /** Distinct routing profiles (the fast index's agent classes). */
  readonly agentClasses: number;
  /** Distinct constraint sets among queued chats (the fast index's queue groups), escalations applied. */
  readonly queueGroups: number;
  /** Share of the chats agents hold that come from the rules' shapes (the rest: the agent's own skill and language). */
  readonly ruleShapedShare: number;
}

/** Roster options: `templates` > 0 draws agents from that many distinct profiles instead of one each. */
export interface CentreSize {
  readonly agents: number;
  readonly queued: number;
  readonly templates?: number;
}

/**
 * The starting state, as the store would hold it: every agent online and at cap with chats
 * they are eligible for (drawn from the rule shapes, as the router would have given them; for
 * an agent no shape fits, one of their own skill and language), and `queued` chats from the
 * rule shapes waiting, arrived at the
 * stream's steady-state rate up to T0. Routers load it with `restore(snapshot, T0)`, the
 * restart path, which applies the escalation steps already due; since every agent is at cap,
 * nothing moves on restore. (Building it by routing each chat costs ~2 ms an enqueue at 10k
 * distinct profiles, several minutes in all: see the report.)
 */
export function buildCentre(seed: number, size: CentreSize): Centre {
  const started = performance.now();
  const rng = new Rng(seed);
  const templates = Array.from({ length: size.templates ?? 0 }, (_, i) => makeAgent(rng, i));
  const profiles: AgentProfile[] = Array.from({ length: size.agents }, (_, i) => {
    const id = `agent-${String(i).padStart(5, "0")}`;
    const t = templates.length > 0 ? rng.pick(templates) : makeAgent(rng, i);
    return { ...t, id, name: `Agent ${i}`, email: `${id}@bench.test`, cap: rng.int(2, 5) };
  });
  const csmPool = rng.sample(
    profiles.map((a) => a.id),
    Math.max(1, Math.round(size.agents * 0.02)),
  );
  const gap = STEP_MS / ENQUEUE_SHARE;
  const queueStart = T0 - Math.ceil(size.queued * gap);
  const fillAt = queueStart - 60_000;
  let seq = 0;
  const assignments: { conversationId: string; agentId: string; request: RoutingRequest }[] = [];
  let ruleShaped = 0;
  const agents: AgentRuntime[] = profiles.map((p) => {
    const active: string[] = [];
    for (let k = 0; k < p.cap; k++) {
      const id = `f-${seq++}`;
      const drawn = heldRequest(rng, id, fillAt + k, p, csmPool);
      if (drawn !== null) ruleShaped++;
      const request = drawn ?? fillRequest(rng, id, fillAt + k, p);
      active.push(request.conversationId);
      assignments.push({ conversationId: request.conversationId, agentId: p.id, request });
    }
    return { ...p, presence: "online", active, idleSince: fillAt + p.cap };
  });
  const queue = Array.from({ length: size.queued }, (_, i) => ({
    request: makeRequest(rng, `q-${i}`, queueStart + Math.floor(i * gap), csmPool),
    appliedSteps: 0,
  }));
  const groups = new Set(queue.map((q) => signatureOf(constraintsFor(q.request, stepsDueBy(q.request, T0)))));
  return {
    snapshot: { agents, queue, assignments, offers: [] },
    enqueued: assignments.length + queue.length,
    csmPool,
    buildMs: performance.now() - started,
    agentClasses: new Set(profiles.map(classKey)).size,
    ruleShapedShare: assignments.length === 0 ? 0 : ruleShaped / assignments.length,
    queueGroups: groups.size,
  };
}

/** Draws chats from the rule shapes until one this agent may hold (escalation due by T0 applied), or null. */
function heldRequest(rng: Rng, id: string, at: number, p: AgentProfile, csmPool: readonly string[]): RoutingRequest | null {
  const agent: AgentRuntime = { ...p, presence: "online", active: [], idleSince: at };
  for (let attempt = 0; attempt < 30; attempt++) {
    const request = makeRequest(rng, id, at, csmPool);
    if (failingLayer(agent, constraintsFor(request, stepsDueBy(request, T0))) === null) return request;
  }
  return null;
}
