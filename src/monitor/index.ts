/**
 * The monitor's building blocks: which scenarios a cycle replays, the probes and the health check
 * against a live release, the SLO watch that decides healthy / watching / breach, the feedback a fix
 * item's agent gets from production, and the ledger charges of the probes. The monitor loop itself
 * (releases, rollback, incidents) is built on these where the line and the CLI are.
 */
export { type HealthProbeOptions, healthProbe, healthScenario } from "./health-probe.js";
export { type ProbeChargeRequest, probeCharges, probeRunLabel } from "./probe-charges.js";
export { feedbackFromProbes, type ProbeFeedbackRequest } from "./probe-feedback.js";
export {
  maximumProbeErrorCharacters,
  type ProbeRun,
  type RunProbesOptions,
  runProbes,
  shortProbeError,
} from "./run-probes.js";
export { type SampleOptions, sampleScenarios } from "./sample-scenarios.js";
export { type SloWatch, type SloWatchEvidence, type SloWindow, watchSlo } from "./slo-watch.js";
