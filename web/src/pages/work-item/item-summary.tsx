/**
 * A work item's summary: its state and where it came from (profile, line-up, the item it continues or
 * the incident it fixes, the spec's hash and suite), the attempt it is on, the build that was approved.
 */
import { Link } from "wouter";
import { lineUpText } from "../../../../src/line/line-up-text.js";
import type { WorkItemHistoryAnswer } from "../../api/answers.js";
import { Age, formatTime } from "../../components/age.js";
import { formatMicroUsd } from "../../components/money.js";
import { StateBadge } from "../../components/state-badge.js";
import { testIds } from "../../test-ids.js";

export function ItemSummary({ history, now }: { history: WorkItemHistoryAnswer; now: number }) {
  const { item } = history;
  return (
    <section className="card" data-testid={testIds.itemSummary} data-state={item.state}>
      <h2 className="card-title">Work item</h2>
      <dl className="facts">
        <dt>state</dt>
        <dd>
          <StateBadge state={item.state} />{" "}
          <span className="muted small">
            for <Age since={item.updatedAt} now={now} />
          </span>
        </dd>
        <dt>profile</dt>
        <dd>{item.profile}</dd>
        <dt>line-up</dt>
        <dd>{lineUpText(item.lineUp)}</dd>
        <dt>attempt</dt>
        <dd>{item.attempt}</dd>
        {item.approvedBuild !== undefined && (
          <>
            <dt>approved build</dt>
            <dd className="mono">{item.approvedBuild}</dd>
          </>
        )}
        {item.parent !== undefined && (
          <>
            <dt>continues</dt>
            <dd>
              <ItemLink id={item.parent} />
            </dd>
          </>
        )}
        {item.fixes !== undefined && (
          <>
            <dt>fixes incident</dt>
            <dd className="mono">{item.fixes}</dd>
          </>
        )}
        <dt>spec</dt>
        <dd>
          <span className="mono small" title={item.specPath}>
            {item.specHash}
          </span>
        </dd>
        {item.suite !== undefined && (
          <>
            <dt>suite</dt>
            <dd className="mono small">{item.suite}</dd>
          </>
        )}
        <dt>cost</dt>
        <dd className="number" style={{ textAlign: "left" }}>
          {formatMicroUsd(history.costs.totalMicroUsd)}
        </dd>
        <dt>created</dt>
        <dd>{formatTime(item.createdAt)}</dd>
      </dl>
    </section>
  );
}

export function ItemLink({ id }: { id: string }) {
  return (
    <Link href={`/items/${encodeURIComponent(id)}`} className="mono">
      {id}
    </Link>
  );
}
