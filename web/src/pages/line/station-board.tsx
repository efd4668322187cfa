/**
 * The line's work items where they are: a column per station (intake … deploy, each with its job queue),
 * then the exception queue and what finished today. Each item links to its page and carries its state
 * (`data-state`), so a person — and the end-to-end test — sees it move along as events arrive.
 */
import { Link } from "wouter";
import type { WorkItemState } from "../../../../src/contracts/work-item.js";
import type { LineStatusAnswer as LineStatus } from "../../api/answers.js";
import { Age } from "../../components/age.js";
import { StateBadge } from "../../components/state-badge.js";
import { testIds } from "../../test-ids.js";

type StatusItem = LineStatus["items"][number];

interface Column {
  name: string;
  title: string;
  states: readonly WorkItemState[];
  /** The job queue this column's work waits in, if it is a station. */
  station?: keyof LineStatus["queue"];
}

const columns: readonly Column[] = [
  { name: "intake", title: "Intake", states: ["intake"], station: "intake" },
  { name: "build", title: "Build", states: ["build"], station: "build" },
  { name: "scenarios", title: "Scenarios", states: ["scenarios"], station: "scenarios" },
  { name: "trials", title: "Trials", states: ["trials"], station: "trials" },
  { name: "gate", title: "Gate", states: ["gate"], station: "gate" },
  { name: "deploy", title: "Deploy", states: ["deploy"], station: "deploy" },
  { name: "exception", title: "Exception queue", states: ["exception"] },
  {
    name: "finished",
    title: "Finished today",
    states: ["approved", "live", "rolled-back", "rejected"],
  },
];

/** A busy day finishes many items; the newest are the ones a person looks for. */
const shownPerColumn = 20;

export function StationBoard({ status, now }: { status: LineStatus; now: number }) {
  return (
    <div className="stations">
      {columns.map((column) => {
        const items = status.items
          .filter((item) => column.states.includes(item.state))
          .sort((left, right) => right.updatedAt.localeCompare(left.updatedAt));
        return (
          <section key={column.name} className="card" data-testid={testIds.station(column.name)}>
            <h2 className="card-title">
              {column.title}
              <span className="count">{items.length}</span>
            </h2>
            {column.station !== undefined && <QueueLine counts={status.queue[column.station]} />}
            {items.length === 0 ? (
              <p className="empty small">—</p>
            ) : (
              <ul className="stacked-list">
                {items.slice(0, shownPerColumn).map((item) => (
                  <StationItem key={item.id} item={item} now={now} />
                ))}
              </ul>
            )}
            {items.length > shownPerColumn && (
              <p className="muted small">
                and {items.length - shownPerColumn} more (<code>shopfloor status</code> lists all)
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function QueueLine({ counts }: { counts: LineStatus["queue"][keyof LineStatus["queue"]] }) {
  const parts = [
    counts.leased > 0 ? `${counts.leased} working` : undefined,
    counts.waiting > 0 ? `${counts.waiting} waiting` : undefined,
    counts.dead > 0 ? `${counts.dead} dead` : undefined,
  ].filter((part) => part !== undefined);
  return (
    <p className="muted small" style={{ margin: "-4px 0 6px" }}>
      {parts.length === 0 ? "queue empty" : parts.join(" · ")}
    </p>
  );
}

function StationItem({ item, now }: { item: StatusItem; now: number }) {
  return (
    <li className="station-item" data-testid={testIds.lineItem(item.id)} data-state={item.state}>
      <Link href={`/items/${encodeURIComponent(item.id)}`} className="item-name" title={item.id}>
        {item.name}
      </Link>
      <span className="item-meta">
        <StateBadge state={item.state} />
        {item.attempt > 1 && <span>attempt {item.attempt}</span>}
        <Age since={item.updatedAt} now={now} />
      </span>
      <span className="item-id mono muted small">{item.id}</span>
    </li>
  );
}
