import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";

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
