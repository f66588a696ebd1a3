import { formatTable } from "./format-table.js";
import type { SimReport } from "./simulate.js";
import { barChart, esc, lineChart, type Series } from "./svg-charts.js";

const pctFmt = (v: number) => `${(v * 100).toFixed(0)}%`;
const secFmt = (v: number) => `${v.toFixed(0)}s`;

/**
 * A single self-contained HTML page (inline CSS and SVG, no scripts or external assets)
 * comparing the policies: SLA and qualified SLA, SLA per rule, wait percentiles, abandonment / occupancy / misroutes,
 * SLA attainment through the day, and the plain-text table.
 */
export function renderHtml(report: SimReport): string {
  const b = report.bound;
  const rules = report.policies[0]?.sla.perRule.map((r) => r.ruleId) ?? [];
  const slaSeries: Series[] = [
    ...report.policies.map((p) => ({ name: p.policy, values: rules.map((id) => p.sla.perRule.find((r) => r.ruleId === id)?.attainment ?? null) })),
    { name: "erlang-c", values: rules.map((id) => b.sla.perRule.find((r) => r.ruleId === id)?.attainment ?? null) },
  ];
  const waitSeries: Series[] = [
    ...report.policies.map((p) => ({ name: p.policy, values: [p.wait.p50, p.wait.p90, p.wait.p99] })),
    { name: "erlang-c", values: [b.wait.p50, b.wait.p90, b.wait.p99] },
  ];
  const qualifiedSeries: Series[] = [
    ...report.policies.map((p) => ({ name: p.policy, values: [p.sla.attainment, p.qualified.attainment] })),
    { name: "erlang-c", values: [b.sla.attainment, null] },
  ];
  const rateSeries: Series[] = report.policies.map((p) => ({ name: p.policy, values: [p.abandonmentRate, p.occupancy, p.misrouteRate] }));
  const hours = report.policies[0]?.hourly.map((h) => String(h.hour)) ?? [];
  const hourly: Series[] = report.policies.map((p) => ({ name: p.policy, values: p.hourly.map((h) => (h.live > 0 ? h.met / h.live : null)) }));
  const section = (title: string, body: string, note = "") =>
    `<section><h2>${esc(title)}</h2>${note === "" ? "" : `<p class="note">${esc(note)}</p>`}${body}</section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(report.scenario)} — Baton simulator</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;color:#111827;padding:0 16px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 6px}.note{color:#4b5563;margin:0 0 8px}
pre{background:#f9fafb;border:1px solid #e5e7eb;padding:12px;overflow-x:auto;font-size:12px}svg{max-width:100%;height:auto}
</style></head><body>
<h1>${esc(report.scenario)}</h1>
<p class="note">${esc(`${report.source} · seed ${report.seed} · ${report.durationHours} h from ${report.start} (${report.timeZone}) · ${report.agents} agents · ${report.policies[0]?.offered ?? 0} handoffs, ${report.policies[0]?.async ?? 0} to the async inbox`)}</p>
${section("SLA and qualified SLA", barChart(["SLA", "qualified"], qualifiedSeries, { max: 1, format: pctFmt }), "Qualified: answered within the rule's SLA by an agent with the rule's skills and the visitor's language (natively or by translation). Raw SLA flatters a policy that answers fast with the wrong person.")}
${section("SLA attainment per rule", barChart(rules, slaSeries, { max: 1, format: pctFmt }), "Answered within the rule's SLA, over chats routed live (abandoned and late chats miss).")}
${section("Wait (answered chats)", barChart(["p50", "p90", "p99"], waitSeries, { format: secFmt }))}
${section("Abandonment, occupancy, misroutes", barChart(["abandoned", "occupancy", "misrouted"], rateSeries, { max: 1, format: pctFmt }), "Misrouted: the first agent lacked the matched rule's skills or the visitor's language.")}
${section("SLA attainment by hour", lineChart(hours, hourly, { max: 1, format: pctFmt }), "Hour of the scenario (0 = its start).")}
${section("Table", `<pre>${esc(formatTable(report))}</pre>`)}
</body></html>
`;
}
