/**
 * The canary: the new release takes a share of the service's traffic while, round after round, the same
 * sample of probes runs against it and against the live release directly. A sequential test from
 * src/stats (canaryDecision) decides after each round: promote, revert, or another round; a canary still
 * undecided after the configured rounds is reverted. Without a canary configured, without a live release
 * to compare with, or on a target that cannot split traffic, there is nothing to decide.
 */
import type { Release } from "../../contracts/release.js";
import type { Suite } from "../../contracts/scenario.js";
import type { Spec } from "../../contracts/spec.js";
import type { WorkItem } from "../../contracts/work-item.js";
import type { DeployTarget, StartedRelease } from "../../deploy/deploy-target.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { replayableSuite, replaySeed } from "../../monitor/replayable-scenarios.js";
import { runProbes } from "../../monitor/run-probes.js";
import { sampleScenarios } from "../../monitor/sample-scenarios.js";
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import { canaryDecision } from "../../stats/canary-decision.js";
import { type SloEvidence, sloTestPlan } from "../../stats/slo-test.js";
import type { JobContext } from "../stations/station-context.js";

export interface CanaryOutcome {
  decision: "promote" | "revert";
  reason: string;
  rounds: number;
  canary?: SloEvidence;
  stable?: SloEvidence;
}

export async function rolloutCanary(
  context: JobContext,
  target: DeployTarget,
  item: WorkItem,
  release: Release,
  started: StartedRelease,
  suite: Suite,
  spec: Spec,
): Promise<CanaryOutcome> {
  const settings = context.config.deploy.canary;
  const live = await context.store.releases.liveRelease(release.service);
  const stableAt = live === undefined ? undefined : await target.endpoint(live.id);
  if (settings === undefined || !target.splitsTraffic || live === undefined || !stableAt) {
    return { decision: "promote", reason: "no canary", rounds: 0 };
  }
  const profile = resolveProfile(item.profile, context.config);
  const plan = sloTestPlan(profile.slo, context.config.monitor);
  await target.shift(release.service, [
    { release: release.id, share: settings.share },
    { release: live.id, share: 1 - settings.share },
  ]);
  await context.store.releases.updateRelease(release.id, { state: "canary" });
  const canary = { probes: 0, failures: 0, slow: 0 };
  const stable = { probes: 0, failures: 0, slow: 0 };
  for (let round = 1; ; round++) {
    const seed = replaySeed(release.id, "canary", round);
    const scenarios = sampleScenarios(
      replayableSuite(suite, spec, seed),
      settings.probesPerRound,
      seed,
    );
    const probe = (at: HttpTarget, name: string) =>
      runProbes({
        suite,
        scenarios,
        target: at,
        release: name,
        cycle: round,
        sandbox: context.deployment.sandbox,
        now: context.now,
        clock: context.clock,
      });
    const [canaryRound, stableRound] = await Promise.all([
      probe(started.checkAt, release.id),
      probe(stableAt, live.id),
    ]);
    add(canary, canaryRound.results, plan.p95LatencyMs);
    add(stable, stableRound.results, plan.p95LatencyMs);
    const verdict = canaryDecision(plan, { canary, stable }, round, settings.maxRounds);
    if (verdict.decision === "continue") continue;
    if (verdict.decision === "revert") {
      await target.shift(release.service, [{ release: live.id, share: 1 }]);
    }
    return { decision: verdict.decision, reason: verdict.reason, rounds: round, canary, stable };
  }
}

function add(
  evidence: SloEvidence,
  results: readonly { passed: boolean; latencyMs: number }[],
  slowAfterMs: number,
): void {
  evidence.probes += results.length;
  evidence.failures += results.filter((result) => !result.passed).length;
  evidence.slow += results.filter((result) => result.latencyMs > slowAfterMs).length;
}
