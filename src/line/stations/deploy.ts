/**
 * The deploy station: an approved build becomes the live release of its service. The release starts
 * beside the live one without traffic and must pass its health check (the target waits for it) and a
 * smoke sample of the suite; with a canary configured it then takes a share of the traffic until a
 * sequential test decides; then all traffic switches at once. The previous live release stays warm as
 * `standby` for an instant rollback, older ones are retired. A release that fails any step is stopped,
 * never takes all the traffic, and the item goes to the exception queue (`deploy-failed`) with the
 * evidence. The deploy's wall time is reserved from the `ci` budget first and settled after.
 */
import { ShopfloorError } from "../../contracts/errors.js";
import type { Release } from "../../contracts/release.js";
import type { WorkItem } from "../../contracts/work-item.js";
import { DeployError } from "../../deploy/deploy-error.js";
import type { DeployTarget, ReleaseRequest, StartedRelease } from "../../deploy/deploy-target.js";
import { loadCachedSuite } from "../cache/line-caches.js";
import { rolloutCanary } from "../deploy/canary-rollout.js";
import { prepareRelease } from "../deploy/prepare-release.js";
import { promoteRelease } from "../deploy/promote-release.js";
import { smokeCheck } from "../deploy/smoke-check.js";
import { parseJobPayload } from "../jobs.js";
import { escalate, loadItemSpec, moveItem, refuseForBudget } from "./item-flow.js";
import { deployEstimateMicroUsd, reserveOnce } from "./station-budget.js";
import type { JobContext } from "./station-context.js";

export async function deployStation(payload: unknown, context: JobContext): Promise<void> {
  const job = parseJobPayload("deploy", payload);
  const item = await context.store.workItem(job.workItem);
  if (item === undefined || (item.state !== "approved" && item.state !== "deploy")) return;
  const build = await context.store.build(job.build);
  const commit = build?.run?.commit;
  if (build === undefined || commit === undefined || item.suite === undefined) {
    throw new ShopfloorError(
      "internal",
      `cannot deploy ${job.build}: it has no commit or its item no suite`,
    );
  }
  const suite = await loadCachedSuite(context, item.suite);
  const target = await context.deployment.target();
  // The local target serves http services; a cli or library build stays approved (nothing to run).
  if (suite.header.target !== "http" && target.name === "local") return;
  const deploying = await moveItem(context, item, {
    from: "approved",
    to: "deploy",
    reason: `deploying ${build.id} on the ${target.name} target`,
  });
  if (deploying === undefined) return;
  const run = `${build.id}.deploy`;
  const reservation = await reserveOnce(context, {
    category: "ci",
    amountMicroUsd: deployEstimateMicroUsd(context.config.rates),
    workItem: item.id,
    station: "deploy",
    run,
  });
  if (!reservation.granted) {
    const refused = { station: "deploy" as const, payload: job };
    await refuseForBudget(context, deploying, refused, reservation.refusal, build.id);
    return;
  }
  const startedAt = context.clock();
  const { release, request, problem } = await prepareRelease(context, deploying, build, commit);
  try {
    const outcome =
      problem === undefined
        ? await rollOut(context, target, deploying, release, request, suite)
        : { failure: { reason: problem, evidence: { step: "prepare" }, tookTraffic: false } };
    if (outcome.failure !== undefined) {
      await failRelease(context, target, deploying, release, request, outcome.failure);
      return;
    }
    const live = await promoteRelease(context, target, release, outcome.checks);
    await moveItem(context, deploying, {
      from: "deploy",
      to: "live",
      reason: `${release.id} is live at ${live.address ?? "its target's address"}`,
    });
  } finally {
    await context.ledger.settle(reservation.reservation.id, [
      {
        kind: "machine",
        work: "deploy",
        category: "ci",
        cpuSeconds: 0,
        wallSeconds: (context.clock() - startedAt) / 1000,
        workItem: item.id,
        station: "deploy",
        run,
      },
    ]);
  }
}

interface Failure {
  reason: string;
  evidence: Record<string, unknown>;
  /** True when the release had taken traffic (a command target's deploy script switches at once). */
  tookTraffic: boolean;
}

/**
 * Starts and checks the release (and runs its canary): a failure, or what it passed (for the
 * `release.end` event) when it may take all the traffic.
 */
async function rollOut(
  context: JobContext,
  target: DeployTarget,
  item: WorkItem,
  release: Release,
  request: ReleaseRequest,
  suite: Parameters<typeof smokeCheck>[1],
): Promise<{ failure?: Failure; checks?: string }> {
  let started: StartedRelease;
  try {
    started = await target.start(request, context.signal);
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    return { failure: { reason: error.message, evidence: { step: "start" }, tookTraffic: false } };
  }
  const { spec } = await loadItemSpec(context, item);
  const smoke = await smokeCheck(context, suite, spec, request.build, started);
  if (!smoke.passed) {
    const failed = smoke.results.filter((result) => !result.passed);
    return {
      failure: {
        reason: `${failed.length} of ${smoke.results.length} smoke scenarios failed against the new release`,
        evidence: { step: "smoke", failed: failed.slice(0, 10) },
        tookTraffic: started.takesTraffic,
      },
    };
  }
  const canary = await rolloutCanary(context, target, item, release, started, suite, spec);
  if (canary.decision === "revert") {
    const evidence = { step: "canary", ...canary };
    return { failure: { reason: canary.reason, evidence, tookTraffic: false } };
  }
  const passed = [
    ...(smoke.results.length === 0 ? [] : [`passed ${smoke.results.length} smoke scenarios`]),
    ...(canary.rounds === 0 ? [] : [`canary: ${canary.reason}`]),
  ];
  return passed.length === 0 ? {} : { checks: passed.join("; ") };
}

async function failRelease(
  context: JobContext,
  target: DeployTarget,
  item: WorkItem,
  release: Release,
  request: ReleaseRequest,
  failure: Failure,
): Promise<void> {
  if (failure.tookTraffic) {
    const previous = await context.store.releases.liveRelease(release.service);
    const to =
      previous === undefined ? undefined : await context.store.releases.releaseRequest(previous.id);
    await target.rollback(release.service, request, to);
  } else {
    await target.stop(release.id);
  }
  await context.store.releases.updateRelease(release.id, {
    state: "failed",
    reason: failure.reason,
  });
  await context.store.appendEvent(item.id, "release.end", {
    release: release.id,
    state: "failed",
    reason: failure.reason,
  });
  await escalate(context, item, {
    build: request.build,
    reason: "deploy-failed",
    summary: `Release ${release.id} of ${item.name} did not go live: ${failure.reason}`,
    evidence: { release: release.id, target: target.name, ...failure.evidence },
  });
}
