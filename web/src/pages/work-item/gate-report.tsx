/**
 * A build's gate report: the decision and its reason, then per category the evidence (scenarios passed,
 * the pass rate with its confidence interval against the threshold, the status and why), the error
 * clusters with an example each, the flaky scenarios, and the latency summary.
 */
import type {
  CategoryReport,
  GateVerdict,
  LatencySummary,
} from "../../../../src/contracts/gate-verdict.js";
import { formatPercent } from "../../components/percent.js";
import { StateBadge } from "../../components/state-badge.js";
import { testIds } from "../../test-ids.js";
import { IntervalChart } from "./interval-chart.js";

export function GateReport({ build, verdict }: { build: string; verdict: GateVerdict }) {
  return (
    <div className="card" data-testid={testIds.gateReport} data-decision={verdict.decision}>
      <h2 className="card-title">
        Gate report <span className="mono">{build}</span>
        <StateBadge state={verdict.decision} />
      </h2>
      <p style={{ margin: "0 0 6px" }}>{verdict.reason}</p>
      <p className="muted small" style={{ margin: "0 0 10px" }}>
        profile {verdict.profile} · {verdict.method} intervals · gated on the{" "}
        {verdict.mode === "bound" ? "interval's lower bound" : "point estimate"}
        {verdict.additionalScenariosNeeded === null
          ? ""
          : ` · ${verdict.additionalScenariosNeeded} more scenario(s) needed`}
      </p>
      <div className="stack">
        {verdict.categories.map((category) => (
          <CategoryRow key={category.category} category={category} />
        ))}
      </div>
      <ErrorClusters verdict={verdict} />
      <FlakyScenarios verdict={verdict} />
      <h3 className="section-title">Latency, all trials</h3>
      <LatencyFigures latency={verdict.latency} />
    </div>
  );
}

function CategoryRow({ category }: { category: CategoryReport }) {
  return (
    <section
      className="category"
      data-testid={testIds.category(category.category)}
      data-status={category.status}
    >
      <div className="row">
        <strong style={{ minWidth: "6em" }}>{category.category}</strong>
        <StateBadge state={category.status} />
        <span className="number">
          {category.passed}/{category.scenarios} scenarios passed
        </span>
        <span className="muted small">
          ({category.trials} trials) · rate {formatPercent(category.passRate)} · interval{" "}
          {formatPercent(category.lowerBound)}–{formatPercent(category.upperBound)}
          {category.confidence === null
            ? ""
            : ` at ${formatPercent(category.confidence)} confidence`}
          {" · threshold "}
          {category.zeroTolerance ? "zero tolerance" : formatPercent(category.threshold)}
        </span>
      </div>
      <IntervalChart
        label={category.category}
        passRate={category.passRate}
        lowerBound={category.lowerBound}
        upperBound={category.upperBound}
        threshold={category.threshold}
      />
      <p className="muted small" style={{ margin: 0 }}>
        {category.reason}
        {category.additionalScenariosNeeded === null
          ? ""
          : ` (${category.additionalScenariosNeeded} more scenario(s) needed if all pass)`}
      </p>
    </section>
  );
}

function ErrorClusters({ verdict }: { verdict: GateVerdict }) {
  if (verdict.errorClusters.length === 0) {
    return <p className="muted small">No failures to cluster.</p>;
  }
  return (
    <>
      <h3 className="section-title">Error clusters</h3>
      <table className="table">
        <thead>
          <tr>
            <th>Signature</th>
            <th className="number">Trials</th>
            <th className="number">Scenarios</th>
            <th>Example</th>
          </tr>
        </thead>
        <tbody>
          {verdict.errorClusters.map((cluster) => (
            <tr key={cluster.signature}>
              <td className="mono">{cluster.signature}</td>
              <td className="number">{cluster.trials}</td>
              <td className="number">{cluster.scenarios}</td>
              <td>
                <span className="mono">{cluster.example.scenario}</span>{" "}
                <span className="muted">({cluster.example.category})</span>
                <div className="small">{cluster.example.error}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function FlakyScenarios({ verdict }: { verdict: GateVerdict }) {
  if (verdict.flakyScenarios.length === 0) return null;
  return (
    <>
      <h3 className="section-title">Flaky scenarios</h3>
      <table className="table">
        <thead>
          <tr>
            <th>Scenario</th>
            <th>Category</th>
            <th className="number">Passed</th>
          </tr>
        </thead>
        <tbody>
          {verdict.flakyScenarios.map((flaky) => (
            <tr key={flaky.scenario}>
              <td className="mono">{flaky.scenario}</td>
              <td>{flaky.category}</td>
              <td className="number">
                {flaky.passed} of {flaky.trials}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function LatencyFigures({ latency }: { latency: LatencySummary }) {
  const figures: [string, number | null][] = [
    ["p50", latency.p50],
    ["p95", latency.p95],
    ["p99", latency.p99],
    ["mean", latency.mean],
    ["max", latency.max],
  ];
  return (
    <div className="row small">
      <span className="muted">{latency.count} timed</span>
      {figures.map(([name, value]) => (
        <span key={name}>
          <span className="muted">{name}</span>{" "}
          <span className="number">{value === null ? "—" : `${Math.round(value)} ms`}</span>
        </span>
      ))}
    </div>
  );
}
