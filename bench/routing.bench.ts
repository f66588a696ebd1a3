import { isDeepStrictEqual } from "node:util";
import { createReferenceRouter, createRouter } from "../src/core/routing/index.js";
import { type BenchOptions, fmt, renderTable, type Stats, type SuiteResult, type Table } from "./bench-kit.js";
import { buildCentre, type Centre, STEP_MS } from "./routing/build-centre.js";
import type { DecisionKind } from "./routing/event-stream.js";
import { runStream, type StreamRun } from "./routing/run-stream.js";

/** Decision counts are caps: each timed run also stops at its wall-time budget (ms). */
const FULL = { agents: 10_000, queued: 100_000, fastEvents: 200_000, naiveEvents: 200, warmupEvents: 20_000, templates: 50, budgetMs: 60_000 };
const QUICK = { agents: 1_000, queued: 10_000, fastEvents: 20_000, naiveEvents: 50, warmupEvents: 2_000, templates: 50, budgetMs: 4_000 };
const TARGET_OPS = 100_000;
const TARGET_P99_US = 50;
const SEED = 0xba70;
const KINDS: readonly DecisionKind[] = ["release", "enqueue", "offline", "online", "tick"];

const us = (n: number) => fmt(n, n < 100 ? 1 : 0);
const ratio = (n: number) => `${fmt(n, n < 10 ? 1 : 0)}x`;

function row(label: string, c: Centre, s: Stats): (string | number)[] {
  return [label, fmt(c.snapshot.agents.length), fmt(c.snapshot.queue.length), fmt(s.iterations), fmt(s.opsPerSec), us(s.p50Us), us(s.p99Us), us(s.meanUs)];
}

function kindRows(label: string, r: StreamRun): (string | number)[][] {
  return KINDS.flatMap((k) => {
    const s = r.byKind.get(k);
    return s === undefined ? [] : [[label, k, fmt(s.iterations), `${fmt((100 * s.iterations) / r.stats.iterations, 1)}%`, us(s.p50Us), us(s.p99Us), us(s.meanUs)]];
  });
}

/**
 * Routing in steady state at contact-centre scale: the production router (FastIndex) and the
 * naive baseline (ReferenceIndex, a linear scan per decision) run the same seeded event stream
 * from the same starting state (10k agents at cap, 100k chats queued; `--quick`: 1k / 10k).
 * Reports decisions/s and per-decision p50/p99, the ratio, the targets, and checks that no
 * conversation was lost or duplicated and no cap exceeded (`ok: false` otherwise).
 */
export async function runRoutingBench(opts: BenchOptions): Promise<SuiteResult> {
  const size = opts.quick ? QUICK : FULL;
  const log = opts.log;
  log(`routing: building the centre (${fmt(size.agents)} agents, ${fmt(size.queued)} queued)...`);
  const centre = buildCentre(SEED, { agents: size.agents, queued: size.queued });
  log(
    `  built in ${fmt(centre.buildMs)} ms: ${fmt(centre.agentClasses)} distinct agent profiles, ${fmt(centre.queueGroups)} queue groups, ${fmt(100 * centre.ruleShapedShare, 1)}% of held chats from the rule shapes`,
  );

  log(`routing: warming up the fast router (${fmt(size.warmupEvents)} decisions on another stream)...`);
  const warm = { seed: SEED + 1, events: size.warmupEvents, budgetMs: size.budgetMs / 4 };
  runStream("warmup", createRouter(), centre, warm);
  log(`routing: fast router, up to ${fmt(size.fastEvents)} decisions or ${fmt(size.budgetMs / 1000)} s...`);
  const plan = { seed: SEED + 2, events: size.fastEvents, budgetMs: size.budgetMs, record: size.naiveEvents };
  const fast = runStream("fast", createRouter(), centre, plan);
  log(`routing: naive baseline, ${fmt(size.naiveEvents)} decisions of the same stream...`);
  const naive = runStream("naive", createReferenceRouter(), centre, { ...plan, events: size.naiveEvents, budgetMs: 4 * size.budgetMs });
  const agree = naive.effects.findIndex((fx, i) => !isDeepStrictEqual(fx, fast.effects[i]));

  log(`routing: what-if, the fast router with the roster drawn from ${size.templates} profile templates...`);
  const tplCentre = buildCentre(SEED, size);
  runStream("warmup", createRouter(), tplCentre, warm);
  const tpl = runStream("fast-templates", createRouter(), tplCentre, { ...plan, record: 0, budgetMs: size.budgetMs / 2 });

  // The target is judged per routing decision (see StreamRun.decisionStats); per call of
  // `apply` is shown beside it, since one scheduler tick can carry dozens of decisions.
  log(`routing: what-if, quiet hours: the same roster online with nothing held or queued...`);
  const quietCentre: Centre = {
    ...centre,
    snapshot: { ...centre.snapshot, agents: centre.snapshot.agents.map((a) => ({ ...a, active: [] })), assignments: [], queue: [] },
    enqueued: 0,
    queueGroups: 0,
  };
  runStream("warmup", createRouter(), quietCentre, warm);
  const quiet = runStream("fast-quiet", createRouter(), quietCentre, { ...plan, record: 0, budgetMs: size.budgetMs / 2 });

  const f = fast.decisionStats;
  const n = naive.decisionStats;
  const fc = fast.stats;
  const opsMet = f.opsPerSec >= TARGET_OPS;
  const p99Met = f.p99Us < TARGET_P99_US;
  const callOpsMet = fc.opsPerSec >= TARGET_OPS;
  const callP99Met = fc.p99Us < TARGET_P99_US;
  const headers = ["implementation", "agents", "queued", "count", "per second", "p50 µs", "p99 µs", "mean µs"];
  const yes = (met: boolean) => (met ? "yes" : "NO");
  const main: Table = {
    title: "Routing in steady state (same stream, same starting state): per routing decision, and per call of apply",
    headers,
    rows: [
      row("fast, per decision", centre, f),
      row("naive, per decision", centre, n),
      ["ratio fast vs naive", "", "", "", ratio(f.opsPerSec / n.opsPerSec), ratio(n.p50Us / f.p50Us), ratio(n.p99Us / f.p99Us), ratio(n.meanUs / f.meanUs)],
      row("fast, per call", centre, fc),
      row("naive, per call", centre, naive.stats),
      ["target (fast)", "", "", "", `>= ${fmt(TARGET_OPS)}`, "", `< ${TARGET_P99_US}`, ""],
      ["met per decision?", "", "", "", yes(opsMet), "", yes(p99Met), ""],
      ["met per call?", "", "", "", yes(callOpsMet), "", yes(callP99Met), ""],
    ],
  };
  const kinds: Table = {
    title: "Per call, by event kind",
    headers: ["implementation", "kind", "count", "share", "p50 µs", "p99 µs", "mean µs"],
    rows: [...kindRows("fast", fast), ...kindRows("naive", naive), ...kindRows("fast, templates", tpl), ...kindRows("fast, quiet", quiet)],
  };
  const roster: Table = {
    title: "What-if: roster diversity and quiet hours (fast router, per decision; the agent classes drive its cost)",
    headers: ["roster", "profiles", "queue groups", ...headers.slice(3)],
    rows: [
      [`one profile per agent`, fmt(centre.agentClasses), fmt(centre.queueGroups), ...row("", centre, fast.decisionStats).slice(3)],
      [`${size.templates} templates`, fmt(tplCentre.agentClasses), fmt(tplCentre.queueGroups), ...row("", tplCentre, tpl.decisionStats).slice(3)],
      [`quiet hours (all free, none queued)`, fmt(centre.agentClasses), "0", ...row("", quietCentre, quiet.decisionStats).slice(3)],
    ],
  };
  const runs = { fast, naive, "fast, templates": tpl, "fast, quiet hours": quiet };
  const integrity: Table = {
    title: "Nothing lost (snapshot: queued + assigned + offered = enqueued - released)",
    headers: ["implementation", "lost", "duplicated", "over cap", "restore ms", "ticks", "escalated/tick", "breached/tick"],
    rows: Object.entries(runs).map(([k, r]) => {
      const t = r.tickLoad;
      const per = (n: number) => fmt(t.ticks === 0 ? 0 : n / t.ticks, 1);
      return [k, r.lost, r.duplicated, r.overCap, fmt(r.restoreMs), fmt(t.ticks), per(t.escalated), per(t.breached)];
    }),
  };
  const ok = Object.values(runs).every((r) => r.lost === 0 && r.duplicated === 0 && r.overCap === 0) && agree === -1;
  const notes = [
    `lost: ${Object.values(runs).reduce((s, r) => s + Math.abs(r.lost), 0)}`,
    agree === -1
      ? `fast and naive made identical decisions (effects deep-equal) on the ${fmt(naive.effects.length)} shared events`
      : `DISAGREE: fast and naive effects differ at event ${agree}`,
    `starting state built directly as a snapshot and loaded with restore() (untimed) into each router, same scale for both`,
    `fast: up to ${fmt(size.warmupEvents)} warm-up decisions on another router and stream first; naive: no warm-up (each call is milliseconds)`,
    `stream: ${STEP_MS} ms of simulated time per decision; the scheduler ticks on ~6% of decisions when something is due, and a tick routes every due escalation again`,
    `a decision is one chat placed (assigned, offered or queued) by a call, or a call that placed none; a call's time is shared among its decisions`,
    `targets per decision: ${fmt(f.opsPerSec)}/s ${opsMet ? ">=" : "<"} ${fmt(TARGET_OPS)} ${opsMet ? "met" : "MISSED"}; p99 ${us(f.p99Us)} µs ${p99Met ? "<" : ">="} ${TARGET_P99_US} µs ${p99Met ? "met" : "MISSED"}`,
    `per call of apply: ${fmt(fc.opsPerSec)}/s ${callOpsMet ? "met" : "missed"}; p99 ${us(fc.p99Us)} µs ${callP99Met ? "met" : "missed"} (ticks carry ${fmt(fast.tickLoad.ticks === 0 ? 0 : fast.tickLoad.escalated / fast.tickLoad.ticks, 1)} escalations on average)`,
  ];
  const tables = [main, kinds, roster, integrity];
  for (const t of tables) log(`\n${renderTable(t)}`);
  log("");
  for (const line of notes) log(line);
  return {
    suite: "routing",
    ok,
    tables,
    notes,
    data: {
      size,
      agentClasses: centre.agentClasses,
      queueGroups: centre.queueGroups,
      fast: { perDecision: f, perCall: fc },
      naive: { perDecision: n, perCall: naive.stats },
      templates: { perDecision: tpl.decisionStats, perCall: tpl.stats },
      quietHours: { perDecision: quiet.decisionStats, perCall: quiet.stats },
      targets: { opsMet, p99Met, perCall: { opsMet: callOpsMet, p99Met: callP99Met } },
    },
  };
}
