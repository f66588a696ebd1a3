import type { ComponentChildren } from "preact";
import { formatPercent, formatSeconds, formatSecondsShort, triggerLabel } from "../shared/format.js";
import { BarChart } from "./bar-chart.js";
import type { SeamReport } from "./types.js";

const BLUE = "#2456d3";
const TEAL = "#0f8b8d";
const GREEN = "#137a3f";
const PURPLE = "#6b3fa0";
const AMBER = "#c77700";

const SEGMENT_LABEL: Readonly<Record<string, string>> = { bot_only: "Bot only", post_handoff: "After handoff", human_only: "Human only" };
const pct = (v: number) => `${Math.round(v * 100)}%`;
const num = (v: number | null, d = 2) => (v === null ? "–" : v.toFixed(d));

function ChartCard({ id, title, note, children }: { readonly id: string; readonly title: string; readonly note?: ComponentChildren; readonly children: ComponentChildren }) {
  return (
    <section class="card chart-card" aria-labelledby={`chart-${id}`} data-testid={`chart-${id}`}>
      <h2 id={`chart-${id}`}>{title}</h2>
      {note && <p class="muted">{note}</p>}
      {children}
    </section>
  );
}

function Table({ label, head, rows }: { readonly label: string; readonly head: readonly string[]; readonly rows: readonly (readonly ComponentChildren[])[] }) {
  return (
    <table class="data compact" aria-label={label}>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} class={i === 0 ? "" : "num"}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} class={j === 0 ? "" : "num"}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The seam charts of one report: one card per measure, each with its numbers in a table. */
export function DashboardCharts({ report: r }: { readonly report: SeamReport }) {
  const ruleIds = r.timeToFirstHuman.byRule.map((t) => t.ruleId);
  const segments = r.csat.segments;
  const diff = r.csat.postHandoffVsHumanOnly;
  return (
    <div class="grid-charts">
      <ChartCard id="triggers" title="Handoffs by trigger" note={`${r.handoffCount} handoffs in the range.`}>
        <BarChart
          label="Handoffs by trigger"
          categories={r.triggers.map((t) => triggerLabel(t.kind))}
          series={[{ label: "Handoffs", values: r.triggers.map((t) => t.count), color: BLUE }]}
          format={(v) => String(Math.round(v))}
          integer
        />
      </ChartCard>
      <ChartCard
        id="ttfh"
        title="Time to first human, per rule"
        note={`Trigger → first agent message. Overall p50 ${formatSeconds(r.timeToFirstHuman.overall.p50)}, p90 ${formatSeconds(r.timeToFirstHuman.overall.p90)}.`}
      >
        <BarChart
          label="Time to first human per rule, p50 and p90 seconds"
          categories={ruleIds}
          series={[
            { label: "p50", values: r.timeToFirstHuman.byRule.map((t) => t.p50), color: TEAL },
            { label: "p90", values: r.timeToFirstHuman.byRule.map((t) => t.p90), color: BLUE },
          ]}
          format={(v) => formatSeconds(v)}
          axisFormat={formatSecondsShort}
        />
        <Table
          label="Time to first human"
          head={["Rule", "Handoffs", "Answered", "p50", "p90"]}
          rows={r.timeToFirstHuman.byRule.map((t) => [t.ruleName, t.count, t.answered, formatSeconds(t.p50), formatSeconds(t.p90)])}
        />
      </ChartCard>
      <ChartCard
        id="sla"
        title="Live SLA attainment per rule"
        note="Met ÷ (met + breached); pending chats are not yet decided. Chats whose visitor left a message are judged against their promise (below), not a live SLA."
      >
        <BarChart
          label="SLA attainment per rule"
          categories={r.sla.map((s) => s.ruleId)}
          series={[{ label: "Attainment", values: r.sla.map((s) => s.attainment), color: GREEN }]}
          format={pct}
          max={1}
        />
        <Table
          label="SLA attainment"
          head={["Rule", "Met", "Breached", "Pending", "Attainment"]}
          rows={r.sla.filter((s) => s.total > 0).map((s) => [s.ruleId, s.met, s.breached, s.pending, formatPercent(s.attainment)])}
        />
        <Table
          label="Async promise attainment"
          head={["Async (left a message)", "Met", "Breached", "Pending", "Replied by the promised time"]}
          rows={[["all rules", r.asyncPromises.met, r.asyncPromises.breached, r.asyncPromises.pending, formatPercent(r.asyncPromises.attainment)]]}
        />
        <p class="muted" data-testid="async-without-message">
          Offered leave-a-message, no message left (neither live SLA nor promise): {r.asyncPromises.withoutMessage}
        </p>
        <Table
          label="Reassigned: not answered in time"
          head={["Rule", "Handoffs", "Reassigned unanswered", "Times taken back"]}
          rows={r.unansweredReassignments.filter((u) => u.handoffs > 0).map((u) => [u.ruleId, u.handoffs, u.reassigned, u.times])}
        />
        <p class="muted" data-testid="translated-chats">
          Served through machine translation: {r.translation.chats} chat(s), {r.translation.messages} message(s) translated, {r.translation.failed} left untranslated
          (translator slow or down).
        </p>
      </ChartCard>
      <ChartCard
        id="csat"
        title="CSAT by segment (95% CI)"
        note={`After handoff − human only: ${num(diff.diff)}${diff.ci95 ? ` [${num(diff.ci95[0])}, ${num(diff.ci95[1])}]` : ""}.`}
      >
        <BarChart
          label="Mean CSAT by segment with 95% confidence intervals"
          categories={segments.map((s) => SEGMENT_LABEL[s.segment] ?? s.segment)}
          series={[{ label: "Mean CSAT", values: segments.map((s) => s.mean), color: PURPLE }]}
          intervals={segments.map((s) => s.ci95)}
          format={(v) => v.toFixed(1)}
          max={5}
        />
        <Table
          label="CSAT by segment"
          head={["Segment", "Answers", "Mean", "95% CI"]}
          rows={segments.map((s) => [SEGMENT_LABEL[s.segment] ?? s.segment, s.count, num(s.mean), s.ci95 ? `${num(s.ci95[0])} – ${num(s.ci95[1])}` : "–"])}
        />
      </ChartCard>
      <ChartCard
        id="wait"
        title="Wait estimate vs actual wait"
        note={`Mean absolute error ${formatSeconds(r.waitEstimate.meanAbsErrorSeconds)}; ${formatPercent(r.waitEstimate.withinBucketRate)} inside the bucket shown (${r.waitEstimate.count} measured).`}
      >
        <BarChart
          label="Estimated and actual wait per bucket, seconds"
          categories={r.waitEstimate.byBucket.map((b) => b.bucket)}
          series={[
            { label: "Estimate", values: r.waitEstimate.byBucket.map((b) => b.meanEstimate), color: AMBER },
            { label: "Actual", values: r.waitEstimate.byBucket.map((b) => b.meanActual), color: BLUE },
          ]}
          format={(v) => formatSeconds(v)}
          axisFormat={formatSecondsShort}
        />
      </ChartCard>
      <ChartCard
        id="repeat"
        title="Repeat-question rate"
        note={`${formatPercent(r.repeatQuestions.rate)} of ${r.repeatQuestions.count} handoffs: the agent asked for something known, or the visitor had to restate.`}
      >
        <BarChart
          label="Repeat-question rate per rule"
          categories={r.repeatQuestions.byRule.map((b) => b.ruleId)}
          series={[{ label: "Repeat rate", values: r.repeatQuestions.byRule.map((b) => b.rate), color: AMBER }]}
          format={pct}
          max={1}
        />
      </ChartCard>
    </div>
  );
}
