import type uPlot from "uplot";
import uPlotLib from "uplot";
import { countAxisTop, INTEGER_INCRS, UChart } from "./u-chart.js";

export interface BarSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
}

export interface BarChartProps {
  readonly label: string;
  readonly categories: readonly string[];
  /** One or two series (two are drawn side by side). */
  readonly series: readonly BarSeries[];
  readonly format?: (v: number) => string;
  /** Labels on the value axis (default: `format`). */
  readonly axisFormat?: (v: number) => string;
  /** Fixed top of the value axis (100% for rates, 5 for CSAT). */
  readonly max?: number;
  /** Whiskers on the first series: [lo, hi] per category, or null. */
  readonly intervals?: readonly (readonly [number, number] | null)[];
  readonly height?: number;
  /** The values are counts: whole-number ticks only (and a whole-number top). */
  readonly integer?: boolean;
}

const ALIGN: readonly (-1 | 0 | 1)[] = [-1, 1];

/** Draws [lo, hi] whiskers over the first series' bars. */
function whiskers(intervals: readonly (readonly [number, number] | null)[]) {
  return (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = "#1d2430";
    ctx.lineWidth = 1.5 * devicePixelRatio;
    intervals.forEach((iv, i) => {
      if (iv === null) return;
      const x = u.valToPos(i, "x", true);
      const [lo, hi] = [Math.max(iv[0], u.scales.y?.min ?? 0), Math.min(iv[1], u.scales.y?.max ?? iv[1])];
      const y0 = u.valToPos(lo, "y", true);
      const y1 = u.valToPos(hi, "y", true);
      const cap = 8 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y1);
      ctx.moveTo(x - cap, y0);
      ctx.lineTo(x + cap, y0);
      ctx.moveTo(x - cap, y1);
      ctx.lineTo(x + cap, y1);
      ctx.stroke();
    });
    ctx.restore();
  };
}

/** A categorical bar chart on uPlot (x = category index). */
export function BarChart({ label, categories, series, format = (v) => String(v), axisFormat = format, max, intervals, height = 240, integer = false }: BarChartProps) {
  if (categories.length === 0 || series.every((s) => s.values.every((v) => v === null))) {
    return <div class="chart-empty">No data in this range yet.</div>;
  }
  const data: uPlot.AlignedData = [categories.map((_, i) => i), ...series.map((s) => [...s.values])] as uPlot.AlignedData;
  const longest = Math.max(0, ...categories.map((c) => c.length));
  const options = (width: number): uPlot.Options => ({
    width,
    height,
    padding: [12, 40, 0, 0],
    legend: { show: series.length > 1, live: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: {
      x: { time: false, range: () => [-0.5, categories.length - 0.5] },
      y: {
        range: (_u, _min, dataMax) => {
          const top = max ?? Math.max(...[dataMax, ...(intervals ?? []).map((iv) => iv?.[1] ?? 0)].filter(Number.isFinite), 1);
          return [0, max ?? (integer ? countAxisTop(top) : top * 1.1)];
        },
      },
    },
    axes: [
      {
        splits: () => categories.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => categories[i] ?? ""),
        rotate: longest > 10 && categories.length > 4 ? -30 : 0,
        size: longest > 10 && categories.length > 4 ? 30 + longest * 4.6 : 40,
        grid: { show: false },
      },
      {
        values: (u, splits) => {
          const labels = splits.map(axisFormat);
          u.root.dataset.yTicks = labels.join(","); // the tick labels are drawn on canvas: readable here for tests
          return labels;
        },
        size: 64,
        ...(integer ? { incrs: [...INTEGER_INCRS] } : {}),
      },
    ],
    series: [
      { label: "" },
      ...series.map((s, j) => ({
        label: s.label,
        stroke: s.color,
        fill: `${s.color}cc`,
        width: 1,
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v === null ? "–" : format(v)),
        paths: uPlotLib.paths.bars!({ size: [series.length > 1 ? 0.35 : 0.6, 80], align: series.length > 1 ? ALIGN[j] : 0 }),
      })),
    ],
    hooks: intervals ? { draw: [whiskers(intervals)] } : {},
  });
  return <UChart label={label} options={options} data={data} version={JSON.stringify([categories, series, intervals, max, integer])} />;
}
