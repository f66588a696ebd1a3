import { useEffect, useState } from "preact/hooks";
import type uPlot from "uplot";
import { api } from "../shared/api.js";
import { INTEGER_INCRS, UChart } from "./u-chart.js";

const EVERY_MS = 5000;
const KEEP = 180;

/** Queue depth over time, sampled in the browser from GET /api/agent/queue every 5 s (the last 15 minutes). */
export function QueueDepth({ token }: { readonly token: string }) {
  const [points, setPoints] = useState<readonly (readonly [number, number])[]>([]);
  useEffect(() => {
    let stop = false;
    const sample = () =>
      api<unknown[]>("/api/agent/queue", { token }).then(
        (q) => !stop && setPoints((p) => [...p, [Date.now() / 1000, q.length] as const].slice(-KEEP)),
        () => undefined,
      );
    void sample();
    const t = setInterval(sample, EVERY_MS);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [token]);
  const latest = points.at(-1)?.[1];
  // x = minutes before the newest sample (the browser's clock: this chart is sampled here).
  const newest = points.at(-1)?.[0] ?? 0;
  const data: uPlot.AlignedData = [points.map((p) => (p[0] - newest) / 60), points.map((p) => p[1])];
  const options = (width: number): uPlot.Options => ({
    width,
    height: 200,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      // The last 15 minutes, ending at the newest sample.
      x: { time: false, range: () => [-(KEEP * EVERY_MS) / 60_000, 0.2] },
      y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] },
    },
    axes: [{ values: (_u, splits) => splits.map((m) => (m === 0 ? "now" : `${m} min`)) }, { size: 40, incrs: [...INTEGER_INCRS] }],
    series: [{}, { label: "Queued chats", stroke: "#2456d3", fill: "#2456d322", width: 2, points: { show: true, size: 6 } }],
  });
  return (
    <section class="card chart-card" aria-labelledby="qd-title">
      <h2 id="qd-title">Queue depth</h2>
      <p class="muted">
        Now: <b data-testid="queue-now">{latest ?? "…"}</b> waiting · sampled every 5 s while this page is open.
      </p>
      <UChart label="Queue depth over time" options={options} data={data} version={JSON.stringify(points)} />
    </section>
  );
}
