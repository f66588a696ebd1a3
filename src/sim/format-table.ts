import type { PolicyReport } from "./policy-report.js";
import type { SimReport } from "./simulate.js";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const sec = (x: number | null) => (x === null ? "—" : x === 0 ? "0s" : `${x.toFixed(x < 10 ? 1 : 0)}s`);
const int = (x: number) => x.toLocaleString("en-US");
/** Percentage points, signed: "+4.2 pts". */
export const points = (x: number | null, of: number | null) => (x === null || of === null ? "—" : `${x >= of ? "+" : "−"}${Math.abs((x - of) * 100).toFixed(1)} pts`);

/** Left-aligns the first column and right-aligns the rest. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * The async path per policy: visitors sent to the inbox at the handoff, and queued visitors left
 * with no live option — offered the async path, how soon, or left waiting on nobody. Says so
 * plainly when the router never offers it.
 */
export function formatAsyncPath(policies: readonly Pick<PolicyReport, "policy" | "asyncPath">[]): string {
  const table = textTable(
    ["policy", "at handoff", "stranded", "offered", "delay p50", "p99", "unoffered: answered", "left", "waiting", "on nobody p50", "p99"],
    policies.map((p) => {
      const a = p.asyncPath;
      return [
        p.policy,
        int(a.atHandoff),
        int(a.stranded),
        int(a.strandedOffered),
        sec(a.offerDelay.p50),
        sec(a.offerDelay.p99),
        int(a.unoffered.answered),
        int(a.unoffered.left),
        int(a.unoffered.waiting),
        sec(a.onNobody.p50),
        sec(a.onNobody.p99),
      ];
    }),
  );
  const verdicts = policies.map((p) => {
    const a = p.asyncPath;
    if (a.stranded === 0) return `${p.policy}: no queued visitor was left without a live option in this run (${int(a.offered)} async offers).`;
    return a.offered === 0
      ? `${p.policy}: ${int(a.stranded)} visitors were left queued with no agent on shift who could take their chat, and none was offered the async path.`
      : `${p.policy}: offered the async path to ${int(a.strandedOffered)} of ${int(a.stranded)} stranded visitors (${int(a.offered)} async offers in all).`;
  });
  return [
    "Async path (stranded = queued with no agent on shift who could take the chat, now or after its escalation steps;",
    "delay = from losing the last live option to the async offer; on nobody = time stranded without an offer;",
    "the wait estimate's long-queue offer at the handoff is not simulated):",
    table,
    ...verdicts,
  ].join("\n");
}

/**
 * The routing-quality table: one row per policy plus the Erlang-C reference, then SLA
 * attainment per rule, then the async path.
 *
 * @example
 * console.log(formatTable(simulate(bundle)));
 */
export function formatTable(report: SimReport): string {
  const b = report.bound;
  const quality = textTable(
    ["policy", "live", "async", "SLA", "qualified", "vs bound", "wait p50", "p90", "p99", "abandoned", "occupancy", "misrouted", "escalated"],
    [
      ...report.policies.map((p) => [
        p.policy,
        int(p.live),
        int(p.async),
        pct(p.sla.attainment),
        pct(p.qualified.attainment),
        points(p.qualified.attainment, b.sla.attainment),
        sec(p.wait.p50),
        sec(p.wait.p90),
        sec(p.wait.p99),
        pct(p.abandonmentRate),
        pct(p.occupancy),
        pct(p.misrouteRate),
        int(p.escalations),
      ]),
      ["erlang-c bound", "", "", pct(b.sla.attainment), "", "", sec(b.wait.p50), sec(b.wait.p90), sec(b.wait.p99), "—", pct(b.occupancy), "—", ""],
    ],
  );
  const rules = report.policies[0]?.sla.perRule ?? [];
  const perRule = textTable(
    ["rule (SLA)", "live", ...report.policies.map((p) => p.policy), "erlang-c"],
    rules.map((r) => [
      `${r.ruleId} (${r.slaSeconds}s)`,
      int(r.live),
      ...report.policies.map((p) => pct(p.sla.perRule.find((x) => x.ruleId === r.ruleId)?.attainment ?? null)),
      pct(b.sla.perRule.find((x) => x.ruleId === r.ruleId)?.attainment ?? null),
    ]),
  );
  const head = `${report.scenario} — ${report.source}, seed ${report.seed}, ${report.durationHours} h from ${report.start} ${report.timeZone}, ${int(report.agents)} agents, ${int(report.policies[0]?.offered ?? 0)} handoffs`;
  return [
    head,
    "",
    "SLA = answered within the rule's SLA / routed live; qualified = the same, by an agent with the rule's skills and the visitor's",
    "language (natively or by translation); vs bound = qualified minus the Erlang-C bound's SLA.",
    quality,
    "",
    "SLA attainment per rule (answered within the SLA / routed live):",
    perRule,
    "",
    formatAsyncPath(report.policies),
    "",
    erlangNote(report),
    "",
  ].join("\n");
}

/** What the Erlang-C row is, and where it has no steady state. */
export function erlangNote(report: SimReport): string {
  const b = report.bound;
  return (
    `Erlang-C: pooled M/M/N per hour on the expected load (any slot serves any chat, exponential service, no abandonment), ` +
    `mean handle ${b.meanHandleSeconds.toFixed(0)}s, load ${b.offeredLoad.toFixed(0)} Erl on ${b.servers.toFixed(0)} slots (arrival-weighted), P(wait) ${pct(b.pWait)}` +
    (b.unstableHours > 0
      ? `; ${b.unstableHours} hour(s) over capacity: no steady state there, their chats count as never answered in time (visitors who would leave are not modelled)`
      : "")
  );
}
