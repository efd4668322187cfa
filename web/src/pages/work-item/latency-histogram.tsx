/**
 * A build's trial latencies as a histogram (uplot bars over the server's 1-2-5 log-spaced buckets, so
 * the x axis is the bucket, labelled by its range), for all trials or one category, with the summary.
 */
import { useMemo, useState } from "react";
import type {
  LatencyBucket,
  LatencyHistogram,
} from "../../../../src/server/routes/line/latency-histogram-schema.js";
import { barPaths, type ChartOptions, UplotChart } from "../../components/uplot-chart.js";
import { testIds } from "../../test-ids.js";
import { LatencyFigures } from "./gate-report.js";

const views = ["overall", "normal", "edge", "malicious"] as const;
type View = (typeof views)[number];

const axisFont = "11px system-ui, sans-serif";

export function LatencyHistogramChart({ histogram }: { histogram: LatencyHistogram }) {
  const [view, setView] = useState<View>("overall");
  const distribution = view === "overall" ? histogram.overall : histogram.categories[view];
  const buckets = trimmed(distribution.buckets);
  const labels = useMemo(() => buckets.map(bucketLabel), [buckets]);
  const options = useMemo<ChartOptions>(
    () => ({
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: (_chart, min, max) => [min - 0.5, max + 0.5] } },
      axes: [
        {
          values: (_chart, ticks) => ticks.map((tick) => labels[tick] ?? ""),
          splits: () => labels.map((_label, index) => index),
          size: 30,
          font: axisFont,
        },
        { label: "trials", size: 46, font: axisFont, labelFont: axisFont },
      ],
      series: [
        {},
        {
          label: "trials",
          fill: "rgba(47, 95, 208, 0.55)",
          stroke: "#2f5fd0",
          width: 1,
          paths: barPaths(),
          points: { show: false },
        },
      ],
    }),
    [labels],
  );
  const data = useMemo(
    () =>
      [buckets.map((_bucket, index) => index), buckets.map((bucket) => bucket.count)] as [
        number[],
        number[],
      ],
    [buckets],
  );
  return (
    <div className="card" data-testid={testIds.latencyHistogram}>
      <h2 className="card-title">
        Latency histogram <span className="mono">{histogram.build}</span>
      </h2>
      <div className="tabs">
        {views.map((each) => (
          <button
            key={each}
            type="button"
            className={`button button-small${each === view ? " selected" : ""}`}
            onClick={() => setView(each)}
          >
            {each === "overall" ? "all trials" : each}
          </button>
        ))}
      </div>
      {distribution.summary.count === 0 ? (
        <p className="empty">No timed trials{view === "overall" ? "" : ` in ${view}`}.</p>
      ) : (
        <UplotChart options={options} data={data} height={190} />
      )}
      <LatencyFigures latency={distribution.summary} />
      {distribution.failedTrials > 0 && (
        <p className="muted small">{distribution.failedTrials} of these trials failed.</p>
      )}
    </div>
  );
}

/** Leaves out the empty buckets at either end, so the bars fill the chart. */
function trimmed(buckets: readonly LatencyBucket[]): LatencyBucket[] {
  const first = buckets.findIndex((bucket) => bucket.count > 0);
  if (first === -1) return [...buckets];
  const last = buckets.length - 1 - [...buckets].reverse().findIndex((bucket) => bucket.count > 0);
  return buckets.slice(first, last + 1);
}

/** "5–10ms", "200ms–0.5s", "1–2s": short enough for a bar's width. */
function bucketLabel(bucket: LatencyBucket): string {
  if (bucket.upperMs <= 1000) return `${bucket.lowerMs}–${bucket.upperMs}ms`;
  if (bucket.lowerMs >= 1000) return `${bucket.lowerMs / 1000}–${bucket.upperMs / 1000}s`;
  return `${bucket.lowerMs}ms–${bucket.upperMs / 1000}s`;
}
