import type { SimReport } from "./simulate.js";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const sec = (x: number | null) => (x === null ? "—" : x === 0 ? "0s" : `${x.toFixed(x < 10 ? 1 : 0)}s`);
const int = (x: number) => x.toLocaleString("en-US");

/** Left-aligns the first column and right-aligns the rest. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * The routing-quality table: one row per policy plus the Erlang-C reference, then SLA
 * attainment per rule.
 *
 * @example
 * console.log(formatTable(simulate(bundle)));
 */
export function formatTable(report: SimReport): string {
  const b = report.bound;
  const quality = textTable(
    ["policy", "live", "async", "SLA", "wait p50", "p90", "p99", "abandoned", "occupancy", "misrouted", "escalated"],
    [
      ...report.policies.map((p) => [
        p.policy,
        int(p.live),
        int(p.async),
        pct(p.sla.attainment),
        sec(p.wait.p50),
        sec(p.wait.p90),
        sec(p.wait.p99),
        pct(p.abandonmentRate),
        pct(p.occupancy),
        pct(p.misrouteRate),
        int(p.escalations),
      ]),
      ["erlang-c bound", "", "", pct(b.sla.attainment), sec(b.wait.p50), sec(b.wait.p90), sec(b.wait.p99), "—", pct(b.occupancy), "—", ""],
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
  const note =
    `Erlang-C: pooled M/M/N per hour (any slot serves any chat, no abandonment), mean handle ${b.meanHandleSeconds.toFixed(0)}s, ` +
    `load ${b.offeredLoad.toFixed(0)} Erl on ${b.servers.toFixed(0)} slots (arrival-weighted), P(wait) ${pct(b.pWait)}` +
    (b.unstableHours > 0 ? `, ${b.unstableHours} hour(s) over capacity` : "");
  return [head, "", quality, "", "SLA attainment per rule (answered within the SLA / routed live):", perRule, "", note, ""].join("\n");
}
