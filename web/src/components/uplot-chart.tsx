/**
 * A uPlot chart in React: it is created once per `options`, gets new `data` without being rebuilt,
 * follows its container's width (a ResizeObserver) and is destroyed with the component. Callers memoise
 * `options` (useMemo), since a new object rebuilds the chart.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type ChartOptions = Omit<uPlot.Options, "width" | "height">;

export function UplotChart({
  options,
  data,
  height = 200,
  testId,
}: {
  options: ChartOptions;
  data: uPlot.AlignedData;
  height?: number;
  testId?: string;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  // The latest data, so a rebuilt chart (new options) starts from what is current.
  const dataRef = useRef(data);
  dataRef.current = data;

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const chart = new uPlot(
      { ...options, width: Math.max(container.clientWidth, 100), height },
      dataRef.current,
      container,
    );
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      const width = Math.max(container.clientWidth, 100);
      if (width !== chart.width) chart.setSize({ width, height });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    chartRef.current?.setData(data);
  }, [data]);

  return <div className="chart" ref={containerRef} data-testid={testId} />;
}

/** uPlot's bar path builder, for histograms: bars a little narrower than their slot. */
export function barPaths(): uPlot.Series.PathBuilder | undefined {
  return uPlot.paths.bars?.({ size: [0.85, 80], align: 0 });
}
