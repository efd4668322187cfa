/**
 * A gate category's evidence drawn on a 0–100% scale: the confidence interval [lower, upper] as a band,
 * the observed pass rate as a dot, the threshold as a red line. A person sees at once whether the whole
 * interval clears the threshold (pass), lies under it (fail) or straddles it (inconclusive). Positions
 * are percentages of the chart's width, so it stretches to its card without stretching its text.
 */
import { formatPercent } from "../../components/percent.js";

const trackTop = 6;
const trackHeight = 12;
const height = 34;

/** A share as an x position inside a 1% margin on either side (the dot stays whole at 0% and 100%). */
function xOf(share: number): string {
  return `${1 + Math.min(1, Math.max(0, share)) * 98}%`;
}

export function IntervalChart({
  passRate,
  lowerBound,
  upperBound,
  threshold,
  label,
}: {
  passRate: number | null;
  lowerBound: number | null;
  upperBound: number | null;
  threshold: number | null;
  label: string;
}) {
  const description = `${label}: pass rate ${formatPercent(passRate)}, interval ${formatPercent(lowerBound)} to ${formatPercent(upperBound)}, threshold ${formatPercent(threshold)}`;
  return (
    <svg
      className="interval-chart"
      width="100%"
      height={height}
      role="img"
      aria-label={description}
    >
      <title>{description}</title>
      <rect
        className="interval-track"
        x="1%"
        y={trackTop}
        width="98%"
        height={trackHeight}
        rx={3}
      />
      {lowerBound !== null && upperBound !== null && (
        <rect
          className="interval-range"
          x={xOf(lowerBound)}
          y={trackTop}
          width={`${Math.max(0.4, (Math.min(1, upperBound) - Math.max(0, lowerBound)) * 98)}%`}
          height={trackHeight}
          rx={3}
        />
      )}
      {threshold !== null && (
        <line
          className="interval-threshold"
          x1={xOf(threshold)}
          x2={xOf(threshold)}
          y1={trackTop - 4}
          y2={trackTop + trackHeight + 4}
        />
      )}
      {passRate !== null && (
        <circle
          className="interval-point"
          cx={xOf(passRate)}
          cy={trackTop + trackHeight / 2}
          r={4.5}
        />
      )}
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <text
          key={tick}
          x={xOf(tick)}
          y={height - 1}
          textAnchor={tick === 0 ? "start" : tick === 1 ? "end" : "middle"}
        >
          {tick * 100}%
        </text>
      ))}
    </svg>
  );
}
