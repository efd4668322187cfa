/**
 * The exceptions a work item raised and the decisions people took on them: reason, summary, and for a
 * decided one the action, who, when and why. Deciding happens on the exception queue's page.
 */
import { Link } from "wouter";
import type { WorkItemHistoryAnswer } from "../../api/answers.js";
import { formatTime } from "../../components/age.js";
import { StateBadge } from "../../components/state-badge.js";

export function ItemExceptions({ history }: { history: WorkItemHistoryAnswer }) {
  if (history.exceptions.length === 0) return null;
  return (
    <section className="card">
      <h2 className="card-title">Exceptions and decisions</h2>
      <ul className="stacked-list">
        {history.exceptions.map((exception) => {
          const decision = history.decisions.find((each) => each.exception === exception.id);
          return (
            <li key={exception.id} className="station-item">
              <div className="row">
                <span className="mono">{exception.id}</span>
                <StateBadge
                  state={exception.reason === "inconclusive-gate" ? "inconclusive" : "exception"}
                  label={exception.reason}
                />
                <StateBadge state={exception.state} />
                <span className="muted small">opened {formatTime(exception.openedAt)}</span>
              </div>
              <div>{exception.summary}</div>
              {decision === undefined ? (
                <Link href="/exceptions" className="small">
                  Decide it in the exception queue →
                </Link>
              ) : (
                <div className="small">
                  <StateBadge state={decision.action} /> by <strong>{decision.by}</strong>,{" "}
                  {formatTime(decision.at)}: “{decision.reason}”
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
