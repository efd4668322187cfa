/**
 * The public statistics API of shopfloor: pure functions with no I/O, used by the gate, the planner, the
 * CLI and the benchmarks. Everything random takes a RandomSource so that results replay from a seed.
 */

export {
  binomialInterval,
  type IntervalMethod,
  type IntervalRequest,
  type IntervalSide,
  intervalMethods,
  intervalSides,
  type ProportionInterval,
} from "./binomial-interval.js";
export {
  type CoverageQuestion,
  type CoverageRow,
  type CoverageTableOptions,
  coverageTable,
  exactCoverage,
  type SimulatedCoverageQuestion,
  simulatedCoverage,
} from "./coverage.js";
export { clusterErrors, type ErrorCluster, errorSignature } from "./error-signature.js";
export { passAtK, passHatK } from "./pass-at-k.js";
export { type LatencySummary, latencySummary, percentile } from "./percentiles.js";
export { bernoulli, binomialSample, type RandomSource, seededRandom } from "./random.js";
export {
  bestLowerBound,
  type DemonstrationTarget,
  failuresTolerated,
  maximumPlannedTrials,
  trialsToDemonstrate,
} from "./sample-size.js";
export {
  type AcceptancePlan,
  fixedSamplePlan,
  type SimulatedSprtRun,
  type SprtBoundaries,
  type SprtDecision,
  type SprtEvidence,
  type SprtOutcome,
  type SprtPlan,
  simulateSprt,
  sprtAverageSampleNumber,
  sprtBoundaries,
  sprtDecide,
  sprtOperatingCharacteristic,
} from "./sprt.js";
