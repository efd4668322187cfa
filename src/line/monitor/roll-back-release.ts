/**
 * A rollback: the service's traffic goes back to its standby release (still running on the local
 * target, so it is one switch), the live release is marked rolled back, and the standby is live again.
 * With no standby (the service's first release) the target takes the release out of the traffic and the
 * service has no live release. The monitor and `shopfloor rollback` both come here.
 */
import type { Release } from "../../contracts/release.js";
import type { LineServices } from "../stations/station-context.js";

export interface RollbackRequest {
  /** `monitor`, or the person who asked. */
  by: string;
  reason: string;
}

export async function rollBackRelease(
  services: LineServices,
  release: Release,
  request: RollbackRequest,
): Promise<{ to?: Release }> {
  const records = services.store.releases;
  const target = await services.deployment.target();
  const standby = await records.standbyRelease(release.service);
  const from = await records.releaseRequest(release.id);
  const to = standby === undefined ? undefined : await records.releaseRequest(standby.id);
  await services.store.appendEvent(release.workItem, "release.rollback", {
    release: release.id,
    ...(standby === undefined ? {} : { to: standby.id }),
    by: request.by,
    reason: request.reason,
  });
  await target.rollback(release.service, from, to);
  await records.updateRelease(release.id, { state: "rolled-back", reason: request.reason });
  if (standby === undefined) return {};
  return { to: await records.updateRelease(standby.id, { state: "live" }) };
}
