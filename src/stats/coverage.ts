/**
 * How often an interval method's interval actually contains the true pass rate. A 95% method should cover
 * the truth at least 95% of the time; Clopper–Pearson guarantees it at every (n, p), Wilson and Jeffreys
 * only on average. These functions let the tests prove that and the benchmark show it.
 */

import { requireInteger, requireOpenUnitInterval } from "./arguments.js";
import { binomialLogProbability } from "./binomial-distribution.js";
import {
  binomialInterval,
  type IntervalMethod,
  type IntervalSide,
  intervalMethods,
} from "./binomial-interval.js";
import { binomialSample, type RandomSource, seededRandom } from "./random.js";

export interface CoverageQuestion {
  method: IntervalMethod;
  trials: number;
  /** The true pass rate, strictly between 0 and 1 (at 0 or 1 every method covers trivially). */
  passRate: number;
  confidence: number;
  /** Defaults to "two-sided". */
  side?: IntervalSide;
}

export interface SimulatedCoverageQuestion extends CoverageQuestion {
  runs: number;
  random: RandomSource;
}

/** The probability, summed over every outcome x ~ Bin(trials, passRate), that the interval covers. */
export function exactCoverage(question: CoverageQuestion): number {
  const covers = containmentTable(question);
  const { trials, passRate } = question;
  let coverage = 0;
  for (let successes = 0; successes <= trials; successes++) {
    const probability = Math.exp(binomialLogProbability(successes, trials, passRate));
    // Outcomes too unlikely to register in a double cannot change the sum: skip their interval.
    if (probability > 0 && covers(successes)) coverage += probability;
  }
  return Math.min(coverage, 1);
}

/** The fraction of `runs` simulated suites whose interval covers the true rate. */
export function simulatedCoverage(question: SimulatedCoverageQuestion): number {
  requireInteger(question.runs, "runs", 1);
  const covers = containmentTable(question);
  let covered = 0;
  for (let run = 0; run < question.runs; run++) {
    if (covers(binomialSample(question.random, question.trials, question.passRate))) covered++;
  }
  return covered / question.runs;
}

export interface CoverageTableOptions {
  trialCounts: readonly number[];
  passRates: readonly number[];
  confidence: number;
  runs: number;
  seed: number;
  /** Defaults to every method. */
  methods?: readonly IntervalMethod[];
  /** Defaults to two-sided and the gate's one-sided lower bound. */
  sides?: readonly IntervalSide[];
}

export interface CoverageRow {
  method: IntervalMethod;
  side: IntervalSide;
  trials: number;
  passRate: number;
  confidence: number;
  exact: number;
  simulated: number;
  /** Of the simulated figure, given the exact coverage: sqrt(c(1 - c) / runs). */
  standardError: number;
}

/** Exact and simulated coverage over a grid; each row has its own seed so rows can be rerun alone. */
export function coverageTable(options: CoverageTableOptions): CoverageRow[] {
  const methods = options.methods ?? intervalMethods;
  const sides = options.sides ?? (["two-sided", "lower"] as const);
  const { confidence, runs, seed } = options;
  const rows: CoverageRow[] = [];
  for (const method of methods) {
    for (const side of sides) {
      for (const trials of options.trialCounts) {
        for (const passRate of options.passRates) {
          const question = { method, side, trials, passRate, confidence };
          const exact = exactCoverage(question);
          const random = seededRandom(seed + rows.length);
          const simulated = simulatedCoverage({ ...question, runs, random });
          const standardError = Math.sqrt((exact * (1 - exact)) / runs);
          rows.push({ ...question, exact, simulated, standardError });
        }
      }
    }
  }
  return rows;
}

/**
 * Whether the interval for each outcome covers the true rate, computed once per outcome on first use: a
 * simulation draws the same few outcomes thousands of times, and intervals cost microseconds each.
 */
function containmentTable(question: CoverageQuestion): (successes: number) => boolean {
  const { method, trials, passRate, confidence } = question;
  const side = question.side ?? "two-sided";
  requireInteger(trials, "trials", 1);
  requireOpenUnitInterval(passRate, "passRate");
  const known = new Map<number, boolean>();
  return (successes) => {
    const cached = known.get(successes);
    if (cached !== undefined) return cached;
    const interval = binomialInterval({ successes, trials, confidence, method, side });
    const covers = interval.lower <= passRate && passRate <= interval.upper;
    known.set(successes, covers);
    return covers;
  };
}
