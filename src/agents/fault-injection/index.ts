/**
 * Fault injection: a wrapper agent that puts one known, labelled bug into a build, to test the gate (or,
 * named explicitly, one only production shows, to test the monitor).
 */
export { compiledOutputs, transpileSource, worktreeCompilerOptions } from "./compiled-output.js";
export {
  type AddedFile,
  type AnyFaultCandidate,
  type AnyFaultKind,
  allFaultKinds,
  applyEdit,
  type ExplicitFaultKind,
  explicitFaultKinds,
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
export {
  findProductionRegression,
  preloadedCommand,
  productionRegressionCandidate,
  productionRegressionDescription,
  productionRegressionModule,
  productionRegressionPreload,
} from "./production-regression.js";
