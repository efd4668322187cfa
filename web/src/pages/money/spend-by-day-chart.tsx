/**
 * Spend by budget day (GET /api/costs?by=day) against today's daily budget, a bar per day of the report's
 * range (days without spend included, at zero) and the budget as a line. Amounts are drawn in dollars;
 * the sums themselves stay in micro-dollars.
 */
import { useMemo } from "react";
import type { costsRoute } from "../../../../src/server/routes/money/money-routes.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { formatMicroUsd } from "../../components/money.js";
import { barPaths, type ChartOptions, UplotChart } from "../../components/uplot-chart.js";
import { dayKeys } from "./day-keys.js";

type CostsAnswer = RouteAnswer<typeof costsRoute>;

/** A legend value: "" when the cursor is on no day. */
function dollarsText(dollars: number | null): string {
  return dollars === null ? "" : formatMicroUsd(Math.round(dollars * 1_000_000));
}

function shortDay(key: string): string {
  const date = new Date(`${key}T00:00:00Z`);
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function SpendByDayChart({
  report,
  dailyMicroUsd,
}: {
  report: CostsAnswer;
  dailyMicroUsd: number;
}) {
  const costs = report.costs;
  const days = useMemo(() => dayKeys(costs.since, costs.until), [costs.since, costs.until]);
  const labels = useMemo(() => days.map(shortDay), [days]);
  const data = useMemo(() => {
    const spent = new Map(costs.rows.map((row) => [row.key, row.amountMicroUsd]));
    return [
      days.map((_day, index) => index),
      days.map((day) => (spent.get(day) ?? 0) / 1_000_000),
      days.map(() => dailyMicroUsd / 1_000_000),
    ] as [number[], number[], number[]];
  }, [days, costs.rows, dailyMicroUsd]);
  const options = useMemo<ChartOptions>(
    () => ({
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: (_chart, min, max) => [min - 0.5, max + 0.5] },
        y: { range: (_chart, _min, max) => [0, Math.max(max, dailyMicroUsd / 1_000_000) * 1.1] },
      },
      axes: [
        {
          values: (_chart, ticks) => ticks.map((tick) => labels[tick] ?? ""),
          // About eight labels whatever the range, so they never overlap.
          splits: () =>
            labels
              .map((_label, index) => index)
              .filter((index) => index % Math.max(1, Math.ceil(labels.length / 8)) === 0),
          size: 34,
        },
        {
          values: (_chart, ticks) => ticks.map((tick) => `$${tick.toLocaleString("en-US")}`),
          size: 70,
        },
      ],
      series: [
        { label: "day", value: (_chart, index) => (index === null ? "" : (days[index] ?? "")) },
        {
          label: "spent",
          fill: "rgba(47, 95, 208, 0.55)",
          stroke: "#2f5fd0",
          width: 1,
          paths: barPaths(),
          points: { show: false },
          value: (_chart, dollars) => dollarsText(dollars),
        },
        {
          label: "daily budget",
          stroke: "#b42318",
          width: 2,
          dash: [6, 4],
          points: { show: false },
          value: (_chart, dollars) => dollarsText(dollars),
        },
      ],
    }),
    [labels, days, dailyMicroUsd],
  );
  return (
    <section className="card" data-testid="spend-by-day">
      <h2 className="card-title">
        Spend by day
        <span className="count muted small">
          {costs.since} – {costs.until}: {formatMicroUsd(costs.total.amountMicroUsd)}
        </span>
      </h2>
      <UplotChart options={options} data={data} height={220} />
      <p className="muted small">
        The line is today's daily budget ({formatMicroUsd(dailyMicroUsd)}); earlier days may have
        had another.
      </p>
    </section>
  );
}
