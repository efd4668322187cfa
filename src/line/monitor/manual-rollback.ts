/**
 * `shopfloor rollback ITEM`: a person takes a live item's release out of production. The traffic goes
 * back to the standby release, the incident records who and why (accountability, like a decision), and
 * the item is marked rolled back. No fix item: the person decides what comes next.
 */
import { ShopfloorError } from "../../contracts/errors.js";
import type { Incident, Release } from "../../contracts/release.js";
import { moveItem } from "../stations/item-flow.js";
import type { LineServices } from "../stations/station-context.js";
import { rollBackRelease } from "./roll-back-release.js";

export interface ManualRollbackRequest {
  /** A work item id or a unique prefix of one. */
  workItem: string;
  by: string;
  reason: string;
}

export interface RollbackOutcome {
  release: Release;
  /** The release live again; none when the rolled-back one was its service's first. */
  to?: Release;
  incident: Incident;
}

export async function rollBackItem(
  services: LineServices,
  request: ManualRollbackRequest,
): Promise<RollbackOutcome> {
  const item = await services.store.requireWorkItem(request.workItem);
  const [release] = await services.store.releases.releases({
    workItem: item.id,
    states: ["live"],
  });
  if (item.state !== "live" || release === undefined) {
    const why =
      item.state === "live"
        ? `${item.id}'s release is not live any more (a newer one replaced it)`
        : `${item.id} is ${item.state}, not live`;
    throw new ShopfloorError(
      "invalid-argument",
      `${why}: only the item of a live release can be rolled back (\`shopfloor releases\` lists them)`,
      { field: "workItem" },
    );
  }
  const reason = `rollback by ${request.by}: ${request.reason}`;
  const { to } = await rollBackRelease(services, release, { by: request.by, reason });
  const incident = await services.store.incidents.openIncident({
    service: release.service,
    release: release.id,
    ...(to === undefined ? {} : { rolledBackTo: to.id }),
    workItem: item.id,
    by: request.by,
    summary: `${request.by} rolled ${release.id} back: ${request.reason}`,
    evidence: { reason: request.reason },
  });
  await moveItem(services, item, { from: "live", to: "rolled-back", reason });
  const rolledBack = (await services.store.releases.release(release.id)) ?? release;
  return { release: rolledBack, ...(to === undefined ? {} : { to }), incident };
}
