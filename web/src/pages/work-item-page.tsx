/**
 * One work item (`/items/:id`): its summary, every build (regeneration attempts and candidates), the
 * chosen build's gate report and latency histogram, its exceptions and decisions, its costs and its
 * provenance (every event, oldest first). It reloads when an event about this item arrives.
 */
import { useState } from "react";
import { Link } from "wouter";
import {
  buildLatencyRoute,
  workItemHistoryRoute,
} from "../../../src/server/routes/line/line-routes.js";
import type { WorkItemHistoryAnswer } from "../api/answers.js";
import { useLineEvents } from "../api/use-line-events.js";
import { useRouteData } from "../api/use-route-data.js";
import { useNow } from "../components/age.js";
import { EventFeed } from "../components/event-feed.js";
import { LiveIndicator } from "../components/live-indicator.js";
import { LoadState } from "../components/load-state.js";
import { StateBadge } from "../components/state-badge.js";
import { BuildsTable } from "./work-item/builds-table.js";
import { GateReport } from "./work-item/gate-report.js";
import { ItemCosts } from "./work-item/item-costs.js";
import { ItemExceptions } from "./work-item/item-exceptions.js";
import { ItemSummary } from "./work-item/item-summary.js";
import { LatencyHistogramChart } from "./work-item/latency-histogram.js";

export function WorkItemPage({ id }: { id: string }) {
  const events = useLineEvents();
  const [resolvedId, setResolvedId] = useState<string>();
  // Only this item's events reload it (the address may hold a prefix of its id until it loaded).
  const itemId = resolvedId ?? id;
  const refreshKey = events.recent.find((event) => event.workItem.startsWith(itemId))?.sequence;
  const history = useRouteData(workItemHistoryRoute, { params: { id } }, refreshKey);
  if (history.data !== undefined && history.data.item.id !== resolvedId) {
    setResolvedId(history.data.item.id);
  }
  return (
    <>
      <h1 className="page-title">
        <Link href="/">Line</Link> <span className="muted">/</span>
        <span>{history.data?.item.name ?? id}</span>
        {history.data !== undefined && <StateBadge state={history.data.item.state} />}
        <span className="muted mono">{history.data?.item.id}</span>
        <LiveIndicator connected={events.connected} />
      </h1>
      <LoadState data={history} what={`work item ${id}`}>
        {(answer) => <WorkItemDetails history={answer} refreshKey={refreshKey} />}
      </LoadState>
    </>
  );
}

function WorkItemDetails({
  history,
  refreshKey,
}: {
  history: WorkItemHistoryAnswer;
  refreshKey: number | undefined;
}) {
  const now = useNow();
  const [chosen, setChosen] = useState<string>();
  const selected = chosen ?? defaultBuild(history);
  const build = history.builds.find((each) => each.id === selected);
  return (
    <>
      <div className="grid grid-wide">
        <ItemSummary history={history} now={now} />
        <ItemExceptions history={history} />
      </div>
      <section className="card">
        <h2 className="card-title">
          Builds <span className="count">{history.builds.length}</span>
        </h2>
        <BuildsTable builds={history.builds} selected={selected} onSelect={setChosen} />
      </section>
      {build !== undefined && (
        <div className="grid grid-wide" style={{ marginTop: 12 }}>
          {build.verdict === undefined ? (
            <section className="card">
              <h2 className="card-title">Gate report</h2>
              <p className="empty">
                {build.id} has not been gated yet ({build.state}).
              </p>
            </section>
          ) : (
            <GateReport build={build.id} verdict={build.verdict} />
          )}
          <BuildLatency build={build.id} refreshKey={refreshKey} />
        </div>
      )}
      <ItemCosts costs={history.costs} />
      <section className="card" style={{ marginTop: 12 }}>
        <h2 className="card-title">
          Provenance <span className="count">{history.events.length} events</span>
        </h2>
        <EventFeed events={[...history.events].reverse()} showItem={false} />
      </section>
    </>
  );
}

function BuildLatency({ build, refreshKey }: { build: string; refreshKey: number | undefined }) {
  const latency = useRouteData(buildLatencyRoute, { params: { build } }, refreshKey);
  return (
    <LoadState data={latency} what={`the latency of ${build}`}>
      {(histogram) => <LatencyHistogramChart histogram={histogram} />}
    </LoadState>
  );
}

/** The approved build, else the newest gated one, else the newest. */
function defaultBuild(history: WorkItemHistoryAnswer): string | undefined {
  if (history.item.approvedBuild !== undefined) return history.item.approvedBuild;
  const newestFirst = [...history.builds].reverse();
  return (newestFirst.find((build) => build.verdict !== undefined) ?? newestFirst[0])?.id;
}
