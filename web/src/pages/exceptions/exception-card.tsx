/**
 * One exception in the queue: its reason, the item (linked) and build, how long it has waited, the
 * summary a person reads first, the evidence, and either the decision form (open, for tokens that may
 * operate) or the decision taken (who, when, why).
 */
import { Link } from "wouter";
import type { LineException } from "../../../../src/contracts/work-item.js";
import { workItemHistoryRoute } from "../../../../src/server/routes/line/line-routes.js";
import type { DecisionAnswer } from "../../api/answers.js";
import { needsScope, useSession } from "../../api/session-context.js";
import type { ProfileNames } from "../../api/use-profile-names.js";
import { useRouteData } from "../../api/use-route-data.js";
import { Age, formatTime } from "../../components/age.js";
import { StateBadge } from "../../components/state-badge.js";
import { testIds } from "../../test-ids.js";
import { actionLabels } from "./decision-actions.js";
import { DecisionForm } from "./decision-form.js";
import { ExceptionEvidence } from "./exception-evidence.js";

export function ExceptionCard({
  exception,
  decision,
  profiles,
  now,
  onDecided,
}: {
  exception: LineException;
  /** The decision taken on this page, if any (the list may not show it as decided yet). */
  decision: DecisionAnswer | undefined;
  profiles: ProfileNames;
  now: number;
  onDecided(decision: DecisionAnswer): void;
}) {
  const session = useSession();
  const state = decision === undefined ? exception.state : "decided";
  return (
    <section className="card" data-testid={testIds.exception(exception.id)} data-state={state}>
      <div className="row" style={{ marginBottom: 6 }}>
        <strong className="mono">{exception.id}</strong>
        <StateBadge state={state} />
        <StateBadge
          state={exception.reason === "inconclusive-gate" ? "inconclusive" : "exception"}
          label={exception.reason}
        />
        <span>
          item{" "}
          <Link href={`/items/${encodeURIComponent(exception.workItem)}`} className="mono">
            {exception.workItem}
          </Link>
          {exception.build === undefined ? null : (
            <span className="muted">
              {" "}
              build <span className="mono">{exception.build}</span>
            </span>
          )}
        </span>
        <span
          className="muted small"
          style={{ marginLeft: "auto" }}
          title={formatTime(exception.openedAt)}
        >
          opened <Age since={exception.openedAt} now={now} /> ago
        </span>
      </div>
      <p style={{ margin: "0 0 8px", fontWeight: 500 }}>{exception.summary}</p>
      <ExceptionEvidence evidence={exception.evidence} />
      <div style={{ marginTop: 10 }}>
        {state === "decided" ? (
          decision === undefined ? (
            <StoredDecision exception={exception} />
          ) : (
            <DecisionRecord decision={decision} />
          )
        ) : session.can("operate") ? (
          <DecisionForm exception={exception} profiles={profiles} onDecided={onDecided} />
        ) : (
          <p className="muted small">Deciding {needsScope("operate")}.</p>
        )}
      </div>
    </section>
  );
}

/** A decision taken earlier: read from the item's history, where decisions are kept. */
function StoredDecision({ exception }: { exception: LineException }) {
  const history = useRouteData(workItemHistoryRoute, { params: { id: exception.workItem } });
  const decision = history.data?.decisions.find((each) => each.exception === exception.id);
  if (decision === undefined) {
    return <p className="muted small">{history.loading ? "Loading the decision…" : "Decided."}</p>;
  }
  return <DecisionRecord decision={decision} />;
}

function DecisionRecord({ decision }: { decision: DecisionAnswer }) {
  return (
    <div className="notice" data-testid={testIds.decisionRecorded} data-action={decision.action}>
      <StateBadge state={decision.action} label={actionLabels[decision.action]} /> by{" "}
      <strong>{decision.by}</strong>, {formatTime(decision.at)}: “{decision.reason}”
      {Object.keys(decision.details).length > 0 && (
        <span className="muted small">
          {" "}
          (
          {Object.entries(decision.details)
            .map(
              ([key, value]) =>
                `${key} ${typeof value === "object" ? JSON.stringify(value) : String(value)}`,
            )
            .join(", ")}
          )
        </span>
      )}
    </div>
  );
}
