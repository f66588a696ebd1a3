import { useEffect, useState } from "preact/hooks";
import { api, apiText, downloadText } from "../shared/api.js";
import { formatSeconds, isoDay } from "../shared/format.js";
import { DashboardCharts } from "./dashboard-charts.js";
import { QueueDepth } from "./queue-depth.js";
import type { SeamReport } from "./types.js";
import { ErrorNote } from "../shared/error-note.js";

const DAY = 24 * 3600 * 1000;

/** Epoch-ms range [from, to) of two ISO days (UTC), "to" inclusive; null when either is empty. */
export function rangeOf(fromDay: string, toDay: string): { from: number; to: number } | null {
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const to = Date.parse(`${toDay}T00:00:00Z`) + DAY;
  return Number.isFinite(from) && Number.isFinite(to) && to > from ? { from, to } : null;
}

/** The seam dashboard: a date range, the measures as charts, queue depth, and exports. */
export function Dashboard({ token }: { readonly token: string }) {
  const [report, setReport] = useState<SeamReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<{ from: string; to: string } | null>(null);

  const query = (r: { from: number; to: number } | null) => (r === null ? "" : `?from=${r.from}&to=${r.to}`);
  const load = (r: { from: number; to: number } | null) =>
    api<SeamReport>(`/api/metrics/seam${query(r)}`, { token }).then(
      (rep) => {
        setReport(rep);
        setError(null);
        setDays({ from: isoDay(rep.from), to: isoDay(rep.to - 1) });
      },
      (err: Error) => setError(err.message),
    );
  // The server picks the default window (the last 30 days by its clock).
  useEffect(() => void load(null), [token]);

  const range = days === null ? null : rangeOf(days.from, days.to);
  const download = async (format: "csv" | "json") => {
    try {
      const path = format === "csv" ? `/api/metrics/seam.csv${query(range)}` : `/api/metrics/seam${query(range)}`;
      const text = await apiText(path, { token });
      const name = `baton-seam-${days?.from ?? "from"}-${days?.to ?? "to"}.${format}`;
      downloadText(name, format === "json" ? JSON.stringify(JSON.parse(text), null, 2) : text, format === "csv" ? "text/csv" : "application/json");
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="dash-title">
        <h2 id="dash-title">Measuring the seam</h2>
        <form
          class="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (range !== null) void load(range);
          }}
        >
          <label>
            From
            <input type="date" value={days?.from ?? ""} onInput={(e) => setDays((d) => ({ from: e.currentTarget.value, to: d?.to ?? "" }))} />
          </label>
          <label>
            To
            <input type="date" value={days?.to ?? ""} onInput={(e) => setDays((d) => ({ to: e.currentTarget.value, from: d?.from ?? "" }))} />
          </label>
          <button type="submit" class="primary" disabled={range === null}>
            Show
          </button>
          <span class="spacer" />
          <button type="button" onClick={() => void download("csv")} disabled={report === null}>
            Export CSV
          </button>
          <button type="button" onClick={() => void download("json")} disabled={report === null}>
            Export JSON
          </button>
        </form>
        <ErrorNote message={error} />
        {report && (
          <div class="stat-row" style={{ marginTop: "12px" }}>
            <div class="stat">
              <span class="muted">Handoffs</span>
              <b data-testid="stat-handoffs">{report.handoffCount}</b>
            </div>
            <div class="stat">
              <span class="muted">First human, p50</span>
              <b>{formatSeconds(report.timeToFirstHuman.overall.p50)}</b>
            </div>
            <div class="stat">
              <span class="muted">First human, p90</span>
              <b>{formatSeconds(report.timeToFirstHuman.overall.p90)}</b>
            </div>
            <div class="stat">
              <span class="muted">CSAT answers</span>
              <b>{report.csat.segments.reduce((n, s) => n + s.count, 0)}</b>
            </div>
          </div>
        )}
      </section>
      {report && <DashboardCharts report={report} />}
      <QueueDepth token={token} />
    </>
  );
}
