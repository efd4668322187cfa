/**
 * Feedback from production: when the monitor rolls a release back, the fix work item's agent is told
 * what the probes saw, in the same FeedbackReport the gate gives after failed trials: counts, failures
 * clustered by error signature, a few failing probes by title. Like the gate's, it never carries a
 * scenario's steps: the holdout suite stays hidden from the agent that has to fix the build.
 */
import type { FeedbackReport } from "../contracts/agent-run.js";
import type { ProbeResult } from "../contracts/release.js";
import { clusterErrors } from "../stats/error-signature.js";

/** Failing probes shown in full, one per cluster, as the gate's feedback does. */
const exampleCount = 5;

export interface ProbeFeedbackRequest {
  /** The release that was rolled back. */
  release: string;
  /** The probes of the window that breached. */
  results: readonly ProbeResult[];
  /** Why it was rolled back: the SLO test's reason. */
  reason: string;
}

export function feedbackFromProbes(request: ProbeFeedbackRequest): FeedbackReport {
  const { release, results } = request;
  const failures = results.filter((result) => !result.passed);
  const passed = results.length - failures.length;
  const clusters = clusterErrors(failures, errorOf);
  return {
    decision: "regenerate",
    reason: `In production, release ${release} failed ${failures.length} of ${results.length} ${results.length === 1 ? "probe" : "probes"}: ${request.reason}`,
    categories: [
      {
        category: "normal",
        passed,
        failed: failures.length,
        passRate: results.length === 0 ? null : passed / results.length,
        threshold: null,
      },
    ],
    errorClusters: clusters.map((cluster) => ({
      signature: cluster.signature,
      count: cluster.count,
      example: errorOf(cluster.example),
    })),
    examples: clusters.slice(0, exampleCount).map((cluster) => ({
      title: cluster.example.title === "" ? cluster.example.scenario : cluster.example.title,
      error: errorOf(cluster.example),
    })),
  };
}

function errorOf(result: ProbeResult): string {
  return result.error ?? "failed";
}
