import type { SeamReport } from "./seam-report.js";

/** One cell of the long-format export: which table, which row of it, which measure, its value. */
export interface SeamReportRow {
  /** report, triggers, time_to_first_human_overall, time_to_first_human, sla, csat, csat_difference,
   *  wait_estimate_overall, wait_estimate, repeat_questions_overall, repeat_questions, unanswered_reassignments, translation,
 *  by_bot, by_bot_triggers, by_bot_csat (the seam per bot in charge). */
  readonly section: string;
  /** Rule id, segment, trigger kind or bucket label; "" for a section's single row. */
  readonly key: string;
  readonly metric: string;
  /** Durations in seconds, rates in [0, 1], times in epoch ms (plus *_iso twins); null = no data. */
  readonly value: number | string | null;
}

/**
 * Flattens a report into long-format rows (section, key, metric, value): one table shape for
 * every measurement, so one CSV holds the whole report and a pivot brings back any table.
 * @example
 * seamReportRows(report).filter((r) => r.section === "sla" && r.metric === "attainment");
 */
export function seamReportRows(report: SeamReport): SeamReportRow[] {
  const rows: SeamReportRow[] = [];
  const add = (section: string, key: string, values: Readonly<Record<string, number | string | null>>) => {
    for (const [metric, value] of Object.entries(values)) rows.push({ section, key, metric, value });
  };
  add("report", "", {
    from: report.from,
    from_iso: new Date(report.from).toISOString(),
    to: report.to,
    to_iso: new Date(report.to).toISOString(),
    generated_at: report.generatedAt,
    handoffs: report.handoffCount,
  });
  for (const t of report.triggers) add("triggers", t.kind, { count: t.count });
  const o = report.timeToFirstHuman.overall;
  add("time_to_first_human_overall", "", { count: o.count, p50_seconds: o.p50, p90_seconds: o.p90, p99_seconds: o.p99, mean_seconds: o.mean });
  for (const r of report.timeToFirstHuman.byRule) {
    add("time_to_first_human", r.ruleId, { rule_name: r.ruleName, count: r.count, answered: r.answered, p50_seconds: r.p50, p90_seconds: r.p90 });
  }
  for (const r of report.sla) {
    add("sla", r.ruleId, { total: r.total, met: r.met, breached: r.breached, pending: r.pending, attainment: r.attainment });
  }
  for (const c of report.csat.segments) {
    add("csat", c.segment, { count: c.count, mean: c.mean, ci95_lo: c.ci95?.[0] ?? null, ci95_hi: c.ci95?.[1] ?? null });
  }
  const d = report.csat.postHandoffVsHumanOnly;
  add("csat_difference", "post_handoff-human_only", { diff: d.diff, ci95_lo: d.ci95?.[0] ?? null, ci95_hi: d.ci95?.[1] ?? null });
  const w = report.waitEstimate;
  add("wait_estimate_overall", "", { count: w.count, mean_abs_error_seconds: w.meanAbsErrorSeconds, within_bucket_rate: w.withinBucketRate });
  for (const b of w.byBucket) {
    add("wait_estimate", b.bucket, { count: b.count, mean_actual_seconds: b.meanActual, mean_estimate_seconds: b.meanEstimate });
  }
  const q = report.repeatQuestions;
  add("repeat_questions_overall", "", { count: q.count, repeated: q.repeated, rate: q.rate });
  for (const r of q.byRule) add("repeat_questions", r.ruleId, { count: r.count, repeated: r.repeated, rate: r.rate });
  for (const r of report.unansweredReassignments) add("unanswered_reassignments", r.ruleId, { handoffs: r.handoffs, reassigned: r.reassigned, times: r.times });
  add("translation", "", { chats: report.translation.chats, messages: report.translation.messages, failed: report.translation.failed });
  for (const b of report.byBot ?? []) {
    const t = b.timeToFirstHuman;
    add("by_bot", b.bot, { handoffs: b.handoffCount, ttfh_p50_seconds: t.p50, ttfh_p90_seconds: t.p90, sla_attainment: b.sla.attainment, repeat_rate: b.repeatQuestions.rate });
    for (const tr of b.triggers) add("by_bot_triggers", `${b.bot}/${tr.kind}`, { count: tr.count });
    for (const c of b.csat) add("by_bot_csat", `${b.bot}/${c.segment}`, { count: c.count, mean: c.mean });
  }
  return rows;
}

/**
 * The report as one long-format CSV (RFC 4180: CRLF, quoted when needed) with the header
 * `section,key,metric,value`. Empty value = no data. Text cells that a spreadsheet would run as
 * a formula (leading = + - @ tab or CR) get a leading apostrophe.
 * @example
 * seamReportToCsv(report).split("\r\n")[0]; // "section,key,metric,value"
 */
export function seamReportToCsv(report: SeamReport): string {
  const lines = ["section,key,metric,value"];
  for (const r of seamReportRows(report)) lines.push([r.section, r.key, r.metric, r.value].map(csvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** One CSV cell: numbers as written, null empty, text defused and quoted when needed. */
export function csvCell(value: number | string | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
