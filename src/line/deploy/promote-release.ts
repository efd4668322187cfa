/**
 * The switch: all of the service's traffic to the new release at once. The release live until now
 * becomes `standby` and keeps running, so a rollback is one more switch; the standby before it is
 * retired and stopped. The database follows the target: a crash between the two is repaired by the
 * resumed station (prepare-release puts the traffic back on the recorded live release).
 */
import type { Release } from "../../contracts/release.js";
import type { DeployTarget } from "../../deploy/deploy-target.js";
import type { JobContext } from "../stations/station-context.js";

export async function promoteRelease(
  context: JobContext,
  target: DeployTarget,
  release: Release,
  /** What the release passed before the switch, for the event's reason. */
  checks?: string,
): Promise<Release> {
  const records = context.store.releases;
  const previous = await records.liveRelease(release.service);
  const retiring = await records.releases({ service: release.service, states: ["standby"] });
  await target.shift(release.service, [{ release: release.id, share: 1 }]);
  const address = await target.address(release.service);
  const live = await records.updateRelease(release.id, {
    state: "live",
    ...(address === undefined ? {} : { address }),
  });
  await context.store.appendEvent(release.workItem, "release.end", {
    release: release.id,
    state: "live",
    reason: [
      checks,
      previous === undefined
        ? "first release of its service"
        : `replaces ${previous.id}, kept warm for a rollback`,
    ]
      .filter((part) => part !== undefined)
      .join("; "),
    ...(address === undefined ? {} : { address }),
  });
  if (previous !== undefined) await records.updateRelease(previous.id, { state: "standby" });
  for (const old of retiring) {
    await target.stop(old.id);
    await records.updateRelease(old.id, { state: "retired", reason: `${release.id} went live` });
  }
  return live;
}
