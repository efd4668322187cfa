/** Calibrating the gate: mutants of an approved build, each with one injected fault, and the share caught. */
export { calibrateInHome, type HomeCalibration } from "./calibrate-in-home.js";
export {
  type CalibrationProgress,
  type CalibrationRequest,
  type CalibrationResult,
  calibrateWorkItem,
  defaultCalibrationSeed,
  defaultMutants,
  maximumMutants,
} from "./calibrate-work-item.js";
export {
  type CalibrationMiss,
  type CalibrationReport,
  type CalibrationSubject,
  calibrationConfidence,
  type InjectedMutant,
  type MutantOutcome,
  summarizeCalibration,
  type UninjectedMutant,
} from "./calibration-report.js";
export { ReplayAgent, type ReplayAgentOptions } from "./replay-agent.js";
export { calibrationStation, mutantRunName } from "./run-mutant.js";
