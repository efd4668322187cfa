/**
 * The page of releases and the monitor (`/releases`): each service's running releases (live, canary,
 * standby) with a Rollback button for `operate` tokens and the older ones folded away, what the monitor
 * knows of each live release with a button to run a cycle now, and the incidents. It follows the line's
 * events, so a deploy or a rollback shows without a reload.
 */
import { useState } from "react";
import type { Release } from "../../../src/contracts/release.js";
import {
  incidentsRoute,
  monitorStatusRoute,
  releasesRoute,
} from "../../../src/server/routes/production/production-routes.js";
import { useSession } from "../api/session-context.js";
import { useLineEvents } from "../api/use-line-events.js";
import { useRouteData } from "../api/use-route-data.js";
import { LoadState } from "../components/load-state.js";
import { IncidentList } from "./releases/incident-list.js";
import { MonitorStatusCard } from "./releases/monitor-status.js";
import { ServiceReleases } from "./releases/service-releases.js";
import "./releases/releases.css";

export function ReleasesPage() {
  const session = useSession();
  const canOperate = session.can("operate");
  const { latestSequence } = useLineEvents();
  const releases = useRouteData(releasesRoute, {}, latestSequence);
  const incidents = useRouteData(incidentsRoute, {}, latestSequence);
  const monitor = useRouteData(monitorStatusRoute, {}, latestSequence);
  const [notice, setNotice] = useState<string>();
  const reloadAll = () => {
    releases.reload();
    incidents.reload();
    monitor.reload();
  };
  return (
    <>
      <h1 className="page-title">Releases</h1>
      {notice === undefined ? null : (
        <div className="notice" role="status" data-testid="releases-notice">
          {notice}
        </div>
      )}
      <LoadState data={releases} what="the releases">
        {(answer) => {
          const services = byService(answer.releases);
          if (services.length === 0) {
            return <p className="empty">Nothing was released yet: approved builds appear here.</p>;
          }
          return (
            <div className="stack">
              {services.map(([service, serviceReleases]) => (
                <ServiceReleases
                  key={service}
                  service={service}
                  releases={serviceReleases}
                  canOperate={canOperate}
                  onRolledBack={(summary) => {
                    setNotice(summary);
                    reloadAll();
                  }}
                />
              ))}
            </div>
          );
        }}
      </LoadState>
      <h2 className="section-title">Monitor</h2>
      <LoadState data={monitor} what="the monitor's status">
        {(status) => (
          <MonitorStatusCard status={status} canOperate={canOperate} onCycle={reloadAll} />
        )}
      </LoadState>
      <h2 className="section-title">Incidents</h2>
      <LoadState data={incidents} what="the incidents">
        {(answer) => <IncidentList incidents={answer.incidents} />}
      </LoadState>
    </>
  );
}

/** Services by name, each with its releases newest first (as the API lists them). */
function byService(releases: readonly Release[]): [string, Release[]][] {
  const services = new Map<string, Release[]>();
  for (const release of releases) {
    services.set(release.service, [...(services.get(release.service) ?? []), release]);
  }
  return [...services.entries()].sort(([left], [right]) => left.localeCompare(right));
}
