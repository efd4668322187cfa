/**
 * The release of an approved build: its record (the next number of its service), its code exported
 * from the item's repository into `<home>/releases/<release>/`, and what the deploy target needs to
 * run it: the code's `scripts.start` and the spec's health path. A release interrupted by a crash is
 * given up (marked failed; the target stops it) and the service's traffic put back on its live release,
 * so the resumed station starts a clean one.
 */
import { join } from "node:path";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Release } from "../../contracts/release.js";
import { HttpConventions } from "../../contracts/spec.js";
import type { Build, WorkItem } from "../../contracts/work-item.js";
import type { ReleaseRequest } from "../../deploy/deploy-target.js";
import { loadItemSpec } from "../stations/item-flow.js";
import type { JobContext } from "../stations/station-context.js";
import { startScript } from "../trials/build-launch.js";
import { exportCommit } from "./export-commit.js";

export interface PreparedRelease {
  release: Release;
  request: ReleaseRequest;
  /** Why the release cannot be started at all (its code has no start script): it fails at once. */
  problem?: string;
}

const defaultHealthPath = HttpConventions.parse({}).health;

export async function prepareRelease(
  context: JobContext,
  item: WorkItem,
  build: Build,
  commit: string,
): Promise<PreparedRelease> {
  const target = await context.deployment.target();
  await abandonInterrupted(context, item);
  const { spec } = await loadItemSpec(context, item);
  const healthPath =
    spec.model?.kind === "http-service" ? spec.model.model.http.health : defaultHealthPath;
  const release = await context.store.releases.createRelease({
    service: item.name,
    workItem: item.id,
    build: build.id,
    commit,
    target: target.name,
    request: (id) => ({
      directory: join(context.home, "releases", id),
      command: "",
      healthPath,
      env: {},
    }),
  });
  const request = await context.store.releases.releaseRequest(release.id);
  await exportCommit(context.repositories.repositoryPath(item.id), commit, request.directory);
  let command: string;
  try {
    command = await startScript(request.directory, `release ${release.id}`);
  } catch (error) {
    if (!(error instanceof ShopfloorError) || error.code !== "invalid-input") throw error;
    return { release, request, problem: error.message };
  }
  const prepared = { ...request, command };
  await context.store.releases.setReleaseRequest(release.id, prepared);
  return { release, request: prepared };
}

async function abandonInterrupted(context: JobContext, item: WorkItem): Promise<void> {
  const interrupted = await context.store.releases.releases({
    workItem: item.id,
    states: ["starting", "canary"],
  });
  if (interrupted.length === 0) return;
  const target = await context.deployment.target();
  const live = await context.store.releases.liveRelease(item.name);
  if (live !== undefined) await target.shift(item.name, [{ release: live.id, share: 1 }]);
  for (const release of interrupted) {
    await target.stop(release.id);
    await context.store.releases.updateRelease(release.id, {
      state: "failed",
      reason:
        "interrupted: the deploy station stopped before it finished; a new release replaces it",
    });
  }
}
