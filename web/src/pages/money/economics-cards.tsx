/**
 * The figures a manager acts on: today's forecast (the spend at the end of the day at the rate so far),
 * the cost per approved change over the report's range against what a human team would cost (stated
 * assumptions from the budget config, not measurements), and the trials sequential testing saved.
 */
import type { costsRoute } from "../../../../src/server/routes/money/money-routes.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { Meter } from "../../components/meter.js";
import { formatMicroUsd, formatUsd, Money } from "../../components/money.js";
import { formatPercent } from "../../components/percent.js";

type LedgerReport = RouteAnswer<typeof costsRoute>;
type DayForecast = LedgerReport["forecast"];

export function ForecastCard({ forecast }: { forecast: DayForecast }) {
  const projected = forecast.forecastMicroUsd;
  const over = projected !== null && projected > forecast.limitMicroUsd;
  return (
    <section className="card" data-testid="forecast" data-over={over}>
      <h2 className="card-title">Today's forecast</h2>
      <div className="figure">
        <span className={`figure-value ${over ? "field-error" : ""}`}>
          {projected === null ? "—" : formatMicroUsd(projected)}
        </span>
        <span className="figure-label">
          {projected === null
            ? "the day has only started: no rate yet"
            : `at the end of ${forecast.day}, at today's rate, of ${formatMicroUsd(forecast.limitMicroUsd)}`}
        </span>
      </div>
      <Meter share={forecast.elapsedShare} tone="neutral" label="share of the budget day gone by" />
      <p className="muted small">
        <Money microUsd={forecast.spentMicroUsd} /> spent so far,{" "}
        {formatPercent(forecast.elapsedShare)} of the day gone by.
        {over ? " At this rate the day ends over its budget." : ""}
      </p>
    </section>
  );
}

export function CostPerChangeCard({ report }: { report: LedgerReport }) {
  const { economics, costs } = report;
  const human = economics.human;
  const ratio = human.factoryToHumanRatio;
  return (
    <section className="card" data-testid="cost-per-change">
      <h2 className="card-title">
        Cost per approved change
        <span className="count muted small">
          {costs.since} – {costs.until}
        </span>
      </h2>
      <div className="row economics-figures">
        <div className="figure">
          <span className="figure-value">
            {economics.costPerApprovedChangeMicroUsd === null
              ? "—"
              : formatMicroUsd(economics.costPerApprovedChangeMicroUsd)}
          </span>
          <span className="figure-label">
            the factory: {formatMicroUsd(economics.spentMicroUsd)} for{" "}
            {economics.approvedChanges.toLocaleString("en-US")} approved
          </span>
        </div>
        <div className="figure">
          <span className="figure-value">{formatMicroUsd(human.costPerChangeMicroUsd)}</span>
          <span className="figure-label">
            a human team: {formatUsd(human.developerDayUsd)} a developer-day,{" "}
            {human.changesPerDeveloperDay} changes a day
          </span>
        </div>
      </div>
      <p className="muted small">
        {ratio === null
          ? "No change was approved in this range, so there is no cost per change yet."
          : `${ratioText(ratio)} The approved changes would have cost the team ${formatMicroUsd(human.costOfApprovedChangesMicroUsd)}. The team's figures are assumptions (budget.humanComparison in the config).`}
      </p>
    </section>
  );
}

export function SequentialTestingCard({ report }: { report: LedgerReport }) {
  const savings = report.economics.sequentialTesting;
  return (
    <section className="card" data-testid="sequential-testing">
      <h2 className="card-title">Sequential testing</h2>
      {savings === null ? (
        <p className="empty">No test run was recorded in this range.</p>
      ) : (
        <dl className="facts">
          <dt>test runs</dt>
          <dd className="number">{savings.testRuns.toLocaleString("en-US")}</dd>
          <dt>trials run</dt>
          <dd className="number">{savings.trialsRun.toLocaleString("en-US")}</dd>
          <dt>fixed plans would run</dt>
          <dd className="number">{savings.fixedPlanTrials.toLocaleString("en-US")}</dd>
          <dt>trials saved</dt>
          <dd className="number">
            {savings.savedTrials.toLocaleString("en-US")} ({formatPercent(savings.savedShare)})
          </dd>
          <dt>cost per trial</dt>
          <dd className="number">
            <Money microUsd={savings.testingCostPerTrialMicroUsd ?? undefined} />
          </dd>
          <dt>saved</dt>
          <dd className="number">
            <Money microUsd={savings.savedCostMicroUsd ?? undefined} />
          </dd>
        </dl>
      )}
    </section>
  );
}

/** The factory's cost per change against the team's, in the words that fit its size. */
function ratioText(ratio: number): string {
  if (ratio === 0) return "The approved changes cost the factory nothing.";
  if (ratio < 1) {
    const times = Math.round(1 / ratio);
    return `A change costs the factory ${times.toLocaleString("en-US")} times less than the team.`;
  }
  return `A change costs the factory ${ratio.toFixed(1)} times what it costs the team.`;
}
