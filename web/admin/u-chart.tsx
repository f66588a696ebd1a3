import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";

/**
 * Axis steps for counts: whole numbers only, so a small count never reads "0, 1, 1" (0, 0.5 and
 * 1 rounded). uPlot picks the smallest step that fits its spacing.
 */
export const INTEGER_INCRS: readonly number[] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

/** The top of a count axis: a whole number at least 1 above the data (room for the tallest bar). */
export function countAxisTop(dataMax: number): number {
  return Math.max(1, Math.ceil(Number.isFinite(dataMax) ? dataMax * 1.1 : 1));
}

export interface UChartProps {
  /** Accessible name of the chart (the numbers are also in the table next to it). */
  readonly label: string;
  /** Builds the options for a given width (uPlot needs pixel sizes). */
  readonly options: (width: number) => uPlot.Options;
  readonly data: uPlot.AlignedData;
  /** The chart is rebuilt when this changes (a serialisation of its inputs). */
  readonly version: string;
}

/** A uPlot chart that follows its container's width. */
export function UChart({ label, options, data, version }: UChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const width = () => Math.max(280, Math.floor(el.clientWidth));
    const plot = new uPlot(options(width()), data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: plot.height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [version]);
  return <div ref={box} class="chart" role="img" aria-label={label} />;
}
