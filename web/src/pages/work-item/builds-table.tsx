/**
 * Every build of a work item, one per regeneration attempt (and candidate, for best-of-N): the agent and
 * model, the commit it left, tokens and cost, the feedback it was given, and the gate's decision. The
 * build's button chooses it for the gate report and latency below.
 */
import type { WorkItemHistoryAnswer } from "../../api/answers.js";
import { Money } from "../../components/money.js";
import { StateBadge } from "../../components/state-badge.js";
import { testIds } from "../../test-ids.js";

type Build = WorkItemHistoryAnswer["builds"][number];

export function BuildsTable({
  builds,
  selected,
  onSelect,
}: {
  builds: readonly Build[];
  selected: string | undefined;
  onSelect(build: string): void;
}) {
  if (builds.length === 0) return <p className="empty">No builds yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Build</th>
          <th>Agent</th>
          <th>Commit</th>
          <th className="number">Tokens in / out</th>
          <th className="number">Cost</th>
          <th>Feedback given</th>
          <th>Gate</th>
        </tr>
      </thead>
      <tbody>
        {builds.map((build) => (
          <tr
            key={build.id}
            className={build.id === selected ? "selected" : undefined}
            data-testid={testIds.build(build.id)}
          >
            <td>
              <button
                type="button"
                className="button button-small mono nowrap"
                onClick={() => onSelect(build.id)}
                aria-pressed={build.id === selected}
              >
                {build.id}
              </button>
              <div className="muted small">
                attempt {build.attempt}
                {build.candidate > 1 ? `, candidate ${build.candidate}` : ""} ·{" "}
                <StateBadge state={build.state} />
              </div>
            </td>
            <td>
              {build.agent}
              {build.model === undefined ? null : <div className="muted small">{build.model}</div>}
              {(build.run?.injectedFaults.length ?? 0) > 0 && (
                <div>
                  <StateBadge
                    state="waiting"
                    label={`${build.run?.injectedFaults.length} injected fault(s)`}
                  />
                </div>
              )}
            </td>
            <td className="mono small" title={build.run?.commit}>
              {build.run?.commit?.slice(0, 10) ?? "—"}
            </td>
            <td className="number">
              {build.run === undefined
                ? "—"
                : `${build.run.tokens.inputTokens.toLocaleString()} / ${build.run.tokens.outputTokens.toLocaleString()}`}
            </td>
            <td className="number">
              <Money
                microUsd={build.run?.computedCostMicroUsd ?? build.run?.reportedCostMicroUsd}
              />
            </td>
            <td className="small">
              {build.feedback === undefined ? (
                <span className="muted">none (first build)</span>
              ) : (
                <details>
                  <summary>{build.feedback.reason}</summary>
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {build.feedback.categories.map((category) => (
                      <li key={category.category}>
                        {category.category}: {category.passed} passed, {category.failed} failed
                      </li>
                    ))}
                    {build.feedback.errorClusters.map((cluster) => (
                      <li key={cluster.signature}>
                        {cluster.count}× {cluster.signature}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </td>
            <td>
              {build.verdict === undefined ? (
                <span className="muted small">not gated</span>
              ) : (
                <StateBadge state={build.verdict.decision} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
