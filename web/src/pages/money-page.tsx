/**
 * The page of money (`/money`): today's burn against the budget per category, spend by day against the
 * daily budget, today's forecast, the cost per approved change beside a human team's, and spend by
 * model and by station over the last 30 days. It follows the line: every event (at most every two
 * seconds) reloads the figures.
 */
import { budgetRoute, costsRoute } from "../../../src/server/routes/money/money-routes.js";
import { useLineEvents } from "../api/use-line-events.js";
import { useRouteData } from "../api/use-route-data.js";
import { LoadState } from "../components/load-state.js";
import { BudgetBurn } from "./money/budget-burn.js";
import { CostPerChangeCard, ForecastCard, SequentialTestingCard } from "./money/economics-cards.js";
import { SpendByDayChart } from "./money/spend-by-day-chart.js";
import { SpendTable } from "./money/spend-table.js";
import { useThrottledValue } from "./money/use-throttled-value.js";
import "./money/money.css";

export function MoneyPage() {
  const { latestSequence } = useLineEvents();
  const refreshKey = useThrottledValue(latestSequence, 2_000);
  const budget = useRouteData(budgetRoute, {}, refreshKey);
  const byDay = useRouteData(costsRoute, { query: { by: "day" } }, refreshKey);
  const byModel = useRouteData(costsRoute, { query: { by: "model" } }, refreshKey);
  const byStation = useRouteData(costsRoute, { query: { by: "station" } }, refreshKey);
  return (
    <>
      <h1 className="page-title">
        Money
        {budget.data === undefined ? null : (
          <span className="muted">budget day {budget.data.day.key}</span>
        )}
      </h1>
      <LoadState data={budget} what="today's budget">
        {(status) => <BudgetBurn status={status} />}
      </LoadState>
      <LoadState data={byDay} what="the spend by day">
        {(report) => (
          <>
            <div className="grid grid-wide">
              <ForecastCard forecast={budget.data?.forecast ?? report.forecast} />
              <CostPerChangeCard report={report} />
              <SequentialTestingCard report={report} />
            </div>
            {budget.data === undefined ? null : (
              <SpendByDayChart report={report} dailyMicroUsd={budget.data.policy.dailyMicroUsd} />
            )}
          </>
        )}
      </LoadState>
      <div className="grid grid-wide money-tables">
        <LoadState data={byModel} what="the spend by model">
          {(report) => (
            <SpendTable title="Spend by model" report={report} testId="spend-by-model" />
          )}
        </LoadState>
        <LoadState data={byStation} what="the spend by station">
          {(report) => (
            <SpendTable title="Spend by station" report={report} testId="spend-by-station" />
          )}
        </LoadState>
      </div>
    </>
  );
}
