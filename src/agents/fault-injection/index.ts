/** Fault injection: a wrapper agent that puts one known, labelled bug into a build, to test the gate. */
export { compiledOutputs, transpileSource, worktreeCompilerOptions } from "./compiled-output.js";
export {
  applyEdit,
  type FaultCandidate,
  type FaultKind,
  faultKinds,
  type SourceEdit,
} from "./fault-candidate.js";
export {
  describeFault,
  FaultInjectingAgent,
  type FaultInjectingAgentOptions,
} from "./fault-injecting-agent.js";
export { findFaultCandidates } from "./find-fault-candidates.js";
export {
  type CalibrationBuild,
  calibrateGate,
  type GateCalibration,
  type KindCalibration,
} from "./gate-calibration.js";
export { pickFault } from "./pick-fault.js";
