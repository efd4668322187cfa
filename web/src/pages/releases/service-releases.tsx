/**
 * One service's releases: the ones that run (live, canary, standby, starting) in full, with the live
 * one's Rollback button for `operate` tokens, and the older ones (retired, failed, rolled back) folded
 * away below.
 */
import { Link } from "wouter";
import type { Release } from "../../../../src/contracts/release.js";
import { Age } from "../../components/age.js";
import { StateBadge } from "../../components/state-badge.js";
import { RollbackControl } from "./rollback-control.js";

const runningStates: readonly string[] = ["live", "canary", "standby", "starting"];

export function ServiceReleases({
  service,
  releases,
  canOperate,
  onRolledBack,
}: {
  service: string;
  /** Newest first. */
  releases: readonly Release[];
  canOperate: boolean;
  onRolledBack: (summary: string) => void;
}) {
  const running = releases
    .filter((release) => runningStates.includes(release.state))
    .sort((left, right) => runningStates.indexOf(left.state) - runningStates.indexOf(right.state));
  const older = releases.filter((release) => !runningStates.includes(release.state));
  const live = running.find((release) => release.state === "live");
  return (
    <section className="card" data-testid={`service-${service}`}>
      <h2 className="card-title">
        {service}
        <span className="count">
          {live === undefined ? (
            <span className="muted">nothing live</span>
          ) : (
            <span className="mono service-address">{live.address ?? ""}</span>
          )}
        </span>
      </h2>
      {running.length === 0 ? (
        <p className="empty">No release of {service} runs now.</p>
      ) : (
        <ReleaseTable releases={running} canOperate={canOperate} onRolledBack={onRolledBack} />
      )}
      {older.length === 0 ? null : (
        <details>
          <summary>
            {older.length} older release{older.length === 1 ? "" : "s"} (retired, failed, rolled
            back)
          </summary>
          <ReleaseTable releases={older} canOperate={false} onRolledBack={onRolledBack} />
        </details>
      )}
    </section>
  );
}

function ReleaseTable({
  releases,
  canOperate,
  onRolledBack,
}: {
  releases: readonly Release[];
  canOperate: boolean;
  onRolledBack: (summary: string) => void;
}) {
  return (
    <table className="table release-table">
      <colgroup>
        <col style={{ width: "16%" }} />
        <col style={{ width: "20%" }} />
        <col style={{ width: "19%" }} />
        <col style={{ width: "10%" }} />
        <col style={{ width: "16%" }} />
        <col style={{ width: "7%" }} />
        <col style={{ width: "12%" }} />
      </colgroup>
      <thead>
        <tr>
          <th>release</th>
          <th>state</th>
          <th>address</th>
          <th>commit</th>
          <th>work item</th>
          <th>since</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {releases.map((release) => (
          <tr key={release.id} data-testid={`release-${release.id}`} data-state={release.state}>
            <td className="mono">{release.id}</td>
            <td>
              <StateBadge state={release.state} />
              {release.reason === undefined ? null : (
                <div className="muted small">{release.reason}</div>
              )}
            </td>
            <td className="mono small">
              {release.address === undefined ? (
                <span className="muted">—</span>
              ) : (
                <a href={release.address} target="_blank" rel="noreferrer">
                  {release.address}
                </a>
              )}
            </td>
            <td className="mono small" title={release.commit}>
              {release.commit.slice(0, 10)}
            </td>
            <td className="mono small">
              <Link href={`/items/${release.workItem}`}>{release.workItem}</Link>
            </td>
            <td className="nowrap">
              <Age since={sinceOf(release)} />
            </td>
            <td>
              {release.state === "live" && canOperate ? (
                <RollbackControl
                  workItem={release.workItem}
                  release={release.id}
                  onRolledBack={onRolledBack}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** When the release entered the state it is in, as near as the record says. */
function sinceOf(release: Release): string {
  if (release.endedAt !== undefined) return release.endedAt;
  if (release.state === "live" && release.liveAt !== undefined) return release.liveAt;
  return release.updatedAt;
}
