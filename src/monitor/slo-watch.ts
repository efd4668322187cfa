/**
 * The monitor's watch over one live release: the probes of each cycle are added to the release's
 * current window, and the SLO test (src/stats/slo-test.ts) decides on the whole window whether the
 * release keeps its SLO (healthy: a fresh window starts, so a release that degrades later is caught
 * later), breaches it (the monitor rolls it back), or needs more probes (watching).
 */
import type { ProbeResult } from "../contracts/release.js";
import { requireInteger } from "../stats/arguments.js";
import { percentile } from "../stats/percentiles.js";
import {
  type SloEvidence,
  type SloTestPlan,
  type SloVerdict,
  sloDecision,
  validateSloEvidence,
} from "../stats/slo-test.js";
import type { SprtOutcome } from "../stats/sprt.js";

/** The probes counted since the window started; stored with the release between cycles. */
export type SloWindow = SloEvidence & { startedCycle: number };

export interface SloWatchEvidence {
  /** The window's counts, which the decision was made on. */
  probes: number;
  failures: number;
  slow: number;
  /** The window's share of failed probes; null before any probe. */
  errorRate: number | null;
  /** The 95th percentile of this cycle's latencies (the window keeps counts only); null without probes. */
  p95LatencyMs: number | null;
}

export interface SloWatch {
  /** The window to keep for the next cycle: a fresh one after a healthy decision. */
  window: SloWindow;
  decision: SloVerdict;
  reason: string;
  evidence: SloWatchEvidence;
  /** The two sequential tests' figures, for an incident's evidence. */
  errors: SprtOutcome;
  latency: SprtOutcome;
}

export function watchSlo(
  window: SloWindow | undefined,
  results: readonly ProbeResult[],
  plan: SloTestPlan,
  cycle: number,
): SloWatch {
  requireInteger(cycle, "cycle", 1);
  const current = window ?? freshWindow(cycle);
  validateSloEvidence(current, "window");
  requireInteger(current.startedCycle, "window.startedCycle", 1, cycle);
  const counted: SloWindow = {
    startedCycle: current.startedCycle,
    probes: current.probes + results.length,
    failures: current.failures + results.filter((result) => !result.passed).length,
    // A probe counts as slow whether or not it passed: a slow error page is still a slow answer.
    slow: current.slow + results.filter((result) => result.latencyMs > plan.p95LatencyMs).length,
  };
  const outcome = sloDecision(plan, counted);
  const latencies = results.map((result) => result.latencyMs);
  return {
    window: outcome.decision === "healthy" ? freshWindow(cycle) : counted,
    decision: outcome.decision,
    reason: outcome.reason,
    evidence: {
      probes: counted.probes,
      failures: counted.failures,
      slow: counted.slow,
      errorRate: counted.probes === 0 ? null : counted.failures / counted.probes,
      p95LatencyMs: latencies.length === 0 ? null : percentile(latencies, 0.95),
    },
    errors: outcome.errors,
    latency: outcome.latency,
  };
}

function freshWindow(cycle: number): SloWindow {
  return { startedCycle: cycle, probes: 0, failures: 0, slow: 0 };
}
