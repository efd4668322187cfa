/**
 * What the monitor knows of each live release (GET /api/monitor): its SLO and the sequential test's
 * window (probes, failures, slow ones since the window started), the verdict so far, the last cycle and
 * its probes. `operate` tokens can run a cycle now (POST /api/monitor/cycles) instead of waiting for
 * the schedule.
 */
import { useState } from "react";
import {
  monitorCycleRoute,
  type monitorStatusRoute,
} from "../../../../src/server/routes/production/production-routes.js";
import { useApi } from "../../api/api-context.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { needsScope } from "../../api/session-context.js";
import { Age } from "../../components/age.js";
import { FormError } from "../../components/form-error.js";
import { formatPercent } from "../../components/percent.js";
import { StateBadge } from "../../components/state-badge.js";

type MonitorStatus = RouteAnswer<typeof monitorStatusRoute>;
type ReleaseStatus = MonitorStatus["releases"][number];
type CycleReport = RouteAnswer<typeof monitorCycleRoute>;

/** The monitor's verdicts in the badge colours every page uses. */
const verdictTone: Record<ReleaseStatus["state"], string> = {
  unprobed: "neutral",
  healthy: "good",
  watching: "waiting",
  breach: "bad",
};

export function MonitorStatusCard({
  status,
  canOperate,
  onCycle,
}: {
  status: MonitorStatus;
  canOperate: boolean;
  onCycle: () => void;
}) {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const [report, setReport] = useState<CycleReport>();
  const runCycle = async () => {
    setRunning(true);
    setError(undefined);
    try {
      setReport(await api.call(monitorCycleRoute));
      onCycle();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="card" data-testid="monitor-status">
      <h2 className="card-title">
        Live releases under watch
        <span className="count muted small">
          every {status.intervalSeconds} s, {status.probesPerCycle} probes a cycle
        </span>
      </h2>
      <div className="row">
        <button
          type="button"
          className="button"
          data-testid="run-monitor-cycle"
          disabled={!canOperate || running}
          title={canOperate ? undefined : needsScope("operate")}
          onClick={runCycle}
        >
          {running ? "Probing…" : "Run a monitor cycle"}
        </button>
        {report === undefined ? null : (
          <span className="muted small" data-testid="monitor-cycle-report">
            Cycle {report.cycle}: {cycleSummary(report)}
          </span>
        )}
      </div>
      <FormError error={error} />
      {status.releases.length === 0 ? (
        <p className="empty">No release is live, so there is nothing to watch.</p>
      ) : (
        <table className="table monitor-table">
          <thead>
            <tr>
              <th>release</th>
              <th>verdict</th>
              <th>SLO</th>
              <th className="number">window</th>
              <th>last cycle</th>
            </tr>
          </thead>
          <tbody>
            {status.releases.map((each) => (
              <MonitorRow key={each.release.id} status={each} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MonitorRow({ status }: { status: ReleaseStatus }) {
  const { window, lastCycle, slo } = status;
  return (
    <tr data-testid={`monitor-release-${status.release.id}`} data-verdict={status.state}>
      <td>
        <span className="mono">{status.release.id}</span>
        <div className="muted small">profile {status.profile}</div>
      </td>
      <td>
        <span className={`badge badge-${verdictTone[status.state]}`} data-state={status.state}>
          {status.state}
        </span>
        <div className="muted small">{status.reason}</div>
      </td>
      <td className="small">
        {slo === undefined ? (
          <span className="muted">—</span>
        ) : (
          <>
            errors under {formatPercent(slo.errorRate, 2)}, p95 under {slo.p95LatencyMs} ms
            <div className="muted">
              breach at {slo.breachFactor}×, α {slo.alpha}, β {slo.beta}
            </div>
          </>
        )}
      </td>
      <td className="number small">
        {window === undefined ? (
          <span className="muted">—</span>
        ) : (
          <>
            {window.failures} failed, {window.slow} slow of {window.probes}
            <div className="muted">since cycle {window.startedCycle}</div>
          </>
        )}
      </td>
      <td className="small">
        {lastCycle === undefined ? (
          <span className="muted">not probed yet</span>
        ) : (
          <>
            #{lastCycle.cycle}, <Age since={lastCycle.at} /> ago: {lastCycle.failures} of{" "}
            {lastCycle.probes} probes failed
          </>
        )}
        {status.lastProbes.length === 0 ? null : (
          <details>
            <summary>last probes</summary>
            <ul className="stacked-list">
              {status.lastProbes.map((probe) => (
                <li key={`${probe.cycle}-${probe.scenario}`}>
                  <StateBadge state={probe.passed ? "pass" : "fail"} />{" "}
                  <span className="mono">{probe.scenario}</span> {Math.round(probe.latencyMs)} ms
                  {probe.error === undefined ? null : (
                    <span className="muted">: {probe.error}</span>
                  )}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

function cycleSummary(report: CycleReport): string {
  if (report.checks.length === 0) return "no live release to probe.";
  return report.checks
    .map((check) => {
      const failed = check.results.filter((result) => !result.passed).length;
      const verdict = check.breach === undefined ? check.watch.decision : "breach: rolled back";
      const refused = check.refused === undefined ? "" : ` (${check.refused})`;
      return `${check.release.id} ${failed}/${check.results.length} failed, ${verdict}${refused}`;
    })
    .join("; ");
}
