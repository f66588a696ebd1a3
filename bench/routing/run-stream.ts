import type { Effect, Router, RouterEvent } from "../../src/core/routing/index.js";
import { measure, type Stats, summarize } from "../bench-kit.js";
import { type Centre, STEP_MS, T0 } from "./build-centre.js";
import { type DecisionKind, EventStream } from "./event-stream.js";

/** One router's steady-state run and the checks made after it. */
export interface StreamRun {
  /** Per call of `router.apply`. */
  readonly stats: Stats;
  /**
   * Per routing decision: each chat a call placed (assigned, offered or queued) is one
   * decision, and a call that placed none is one (the decision that nothing moves). A call's
   * time is shared evenly among its decisions: a tick that re-routes 12 escalated chats is 12
   * decisions, a release whose agent takes the next chat is one.
   */
  readonly decisionStats: Stats;
  readonly byKind: ReadonlyMap<DecisionKind, Stats>;
  /** Effects of the first `record` decisions, to compare implementations. */
  readonly effects: readonly (readonly Effect[])[];
  readonly restoreMs: number;
  /** Conversations enqueued and not released that are in no state (negative: invented). */
  readonly lost: number;
  /** Conversations in more than one state. */
  readonly duplicated: number;
  readonly overCap: number;
  /** What the scheduler ticks carried: escalations (each routed again) and SLA breaches. */
  readonly tickLoad: { readonly ticks: number; readonly escalated: number; readonly breached: number };
}

export interface StreamPlan {
  readonly seed: number;
  /** Decisions to time (fewer if `budgetMs` runs out first). */
  readonly events: number;
  readonly budgetMs?: number;
  /** Keep the effects of the first `record` decisions. */
  readonly record?: number;
}

/**
 * Loads the centre into `router` (restore at T0, then one scheduler tick for the SLA breaches
 * already due, both untimed), then times `events` decisions of the seeded stream, one call
 * of `router.apply` each. Afterwards checks from the router's snapshot that nothing was lost.
 */
export function runStream(label: string, router: Router, centre: Centre, plan: StreamPlan): StreamRun {
  const stream = new EventStream(plan.seed, centre.snapshot, T0, STEP_MS, centre.csmPool);
  const record = plan.record ?? 0;
  const tickLoad = { ticks: 0, escalated: 0, breached: 0 };
  const started = performance.now();
  stream.observe(router.restore(centre.snapshot, T0));
  stream.observe(router.apply({ kind: "tick" }, T0));
  const restoreMs = performance.now() - started;
  const effects: Effect[][] = [];
  const decisions: number[] = [];
  const { stats, samplesNs } = measure(label, (e: RouterEvent) => router.apply(e, stream.now), {
    iterations: plan.events,
    warmup: 0,
    ...(plan.budgetMs === undefined ? {} : { budgetMs: plan.budgetMs }),
    prepare: () => stream.next(router),
    after: (fx, e) => {
      stream.observe(fx);
      let placed = 0;
      for (const x of fx) if (x.kind === "assign" || x.kind === "offer" || x.kind === "queued") placed++;
      decisions.push(Math.max(1, placed));
      if (e.kind === "tick") {
        tickLoad.ticks++;
        for (const x of fx) {
          if (x.kind === "escalated") tickLoad.escalated++;
          else if (x.kind === "sla_breached") tickLoad.breached++;
        }
      }
      if (effects.length < record) effects.push(fx);
    },
  });
  const perKind = new Map<DecisionKind, number[]>();
  stream.kinds.forEach((k, i) => {
    const list = perKind.get(k) ?? [];
    list.push(samplesNs[i] ?? 0);
    perKind.set(k, list);
  });
  const byKind = new Map([...perKind].map(([k, xs]) => [k, summarize(k, xs)] as const));
  const perDecision: number[] = [];
  samplesNs.forEach((ns, i) => {
    const k = decisions[i] ?? 1;
    for (let j = 0; j < k; j++) perDecision.push(ns / k);
  });
  const decisionStats = summarize(`${label} per decision`, perDecision);

  const snap = router.snapshot();
  const ids = new Set<string>();
  let inRouting = 0;
  for (const id of [
    ...snap.queue.map((q) => q.request.conversationId),
    ...snap.assignments.map((a) => a.conversationId),
    ...snap.offers.map((o) => o.conversationId),
  ]) {
    ids.add(id);
    inRouting++;
  }
  const expected = centre.enqueued + stream.enqueued - stream.released;
  return {
    stats,
    decisionStats,
    byKind,
    effects,
    restoreMs,
    lost: expected - ids.size,
    duplicated: inRouting - ids.size,
    overCap: snap.agents.filter((a) => a.active.length > a.cap).length,
    tickLoad,
  };
}
