/** Small self-contained SVG charts for the HTML report (no external assets). */

export const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c"];

/** Escapes text for HTML and SVG. */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export interface Series {
  readonly name: string;
  /** One value per category; null draws nothing. */
  readonly values: readonly (number | null)[];
}

interface Frame {
  readonly width: number;
  readonly height: number;
  readonly max: number;
  readonly format: (v: number) => string;
}

const PAD = { left: 48, right: 12, top: 12, bottom: 52 };

type ChartOptions = { readonly width?: number; readonly height?: number; readonly max?: number; readonly format?: (v: number) => string };

/** The chart's frame (size, scale, format) and its plot area, from the options and the data. */
function frameOf(series: readonly Series[], opts: ChartOptions): Frame & { readonly plotW: number; readonly plotH: number } {
  const width = opts.width ?? 640;
  const height = opts.height ?? 260;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = opts.max ?? Math.max(1e-9, ...all) * 1.1;
  return {
    width,
    height,
    max,
    format: opts.format ?? ((v) => v.toFixed(0)),
    plotW: width - PAD.left - PAD.right,
    plotH: height - PAD.top - PAD.bottom,
  };
}

/** The whole chart: axes, the marks, and the legend. */
function svg(f: Frame, series: readonly Series[], marks: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" role="img">${axes(f)}${marks}${legend(series, f.width, f.height - 18)}</svg>`;
}

function axes(f: Frame, ticks = 4): string {
  const h = f.height - PAD.top - PAD.bottom;
  let out = "";
  for (let i = 0; i <= ticks; i++) {
    const v = (f.max * i) / ticks;
    const y = PAD.top + h - (h * i) / ticks;
    out += `<line x1="${PAD.left}" x2="${f.width - PAD.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`;
    out += `<text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="10">${esc(f.format(v))}</text>`;
  }
  return out;
}

function legend(series: readonly Series[], width: number, y: number): string {
  return series
    .map((s, i) => {
      const x = PAD.left + i * Math.min(140, (width - PAD.left) / series.length);
      return `<rect x="${x}" y="${y}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + 14}" y="${y + 9}" font-size="11">${esc(s.name)}</text>`;
    })
    .join("");
}

/**
 * Grouped vertical bars: one group per category, one bar per series.
 *
 * @example
 * barChart(["vip", "billing"], [{ name: "baton", values: [0.98, 0.95] }], { format: (v) => `${v * 100}%` });
 */
export function barChart(categories: readonly string[], series: readonly Series[], opts: ChartOptions = {}): string {
  const f = frameOf(series, opts);
  const { max, plotW, plotH } = f;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = (groupW * 0.8) / Math.max(1, series.length);
  let bars = "";
  categories.forEach((c, ci) => {
    const gx = PAD.left + ci * groupW + groupW * 0.1;
    series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const h = (Math.min(v, max) / max) * plotH;
      const x = gx + si * barW;
      bars += `<rect x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[si % PALETTE.length]}"><title>${esc(`${s.name} · ${c}: ${f.format(v)}`)}</title></rect>`;
    });
    bars += `<text x="${(gx + groupW * 0.4).toFixed(1)}" y="${PAD.top + plotH + 14}" text-anchor="middle" font-size="10">${esc(c)}</text>`;
  });
  return svg(f, series, bars);
}

/** Lines over an x axis of categories (hours), one per series; null values break the line. */
export function lineChart(categories: readonly string[], series: readonly Series[], opts: ChartOptions = {}): string {
  const f = frameOf(series, opts);
  const { max, plotW, plotH } = f;
  const step = plotW / Math.max(1, categories.length - 1);
  const xy = (i: number, v: number) => `${(PAD.left + i * step).toFixed(1)},${(PAD.top + plotH - (Math.min(v, max) / max) * plotH).toFixed(1)}`;
  const lines = series
    .map((s, si) => {
      const parts: string[][] = [[]];
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) parts.push([]);
        else parts[parts.length - 1]!.push(xy(i, v));
      });
      return parts
        .filter((p) => p.length > 0)
        .map((p) => `<polyline fill="none" stroke="${PALETTE[si % PALETTE.length]}" stroke-width="1.8" points="${p.join(" ")}"/>`)
        .join("");
    })
    .join("");
  const labels = categories
    .map((c, i) => (i % Math.ceil(categories.length / 12) === 0 ? `<text x="${(PAD.left + i * step).toFixed(1)}" y="${PAD.top + plotH + 14}" text-anchor="middle" font-size="10">${esc(c)}</text>` : ""))
    .join("");
  return svg(f, series, `${lines}${labels}`);
}
