/**
 * Statistics figures: how fast intervals and plans are computed, how many trials the SPRT saves against a
 * fixed single-sampling plan with the same risks, and how well each interval method covers the truth.
 * Every simulation is seeded, so the printed figures are the same on every run; only the speeds vary.
 */
import { performance } from "node:perf_hooks";
import {
  binomialInterval,
  type CoverageRow,
  coverageTable,
  fixedSamplePlan,
  type IntervalMethod,
  intervalMethods,
  type SprtPlan,
  seededRandom,
  simulateSprt,
  sprtAverageSampleNumber,
  sprtOperatingCharacteristic,
  trialsToDemonstrate,
} from "../src/stats/index.js";

type Print = (line: string) => void;

const headlinePlan: SprtPlan = {
  acceptableFailureRate: 0.01,
  rejectableFailureRate: 0.05,
  alpha: 0.05,
  beta: 0.1,
};

export function runStatsBenchmarks(print: Print): void {
  printIntervalSpeed(print);
  print("");
  printPlannerSpeed(print);
  print("");
  printSprtComparison(print);
  print("");
  printCoverage(print);
}

function printIntervalSpeed(print: Print): void {
  const pairCount = 200_000;
  const random = seededRandom(1);
  const trials = Array.from({ length: pairCount }, () => 1 + Math.floor(random() * 1000));
  const successes = trials.map((count) => Math.floor(random() * (count + 1)));
  print(`intervals: ${pairCount.toLocaleString("en-US")} random (x, n), n ≤ 1,000, two-sided 95%`);
  const rows: string[][] = [["method", "intervals/s", "µs each"]];
  for (const method of intervalMethods) {
    let checksum = 0;
    const start = performance.now();
    for (let index = 0; index < pairCount; index++) {
      const interval = binomialInterval({
        successes: successes[index] ?? 0,
        trials: trials[index] ?? 1,
        confidence: 0.95,
        method,
      });
      checksum += interval.upper - interval.lower;
    }
    const seconds = (performance.now() - start) / 1000;
    if (!Number.isFinite(checksum)) throw new Error(`${method} produced a non-finite bound`);
    rows.push([method, perSecond(pairCount / seconds), ((seconds / pairCount) * 1e6).toFixed(2)]);
  }
  printTable(print, rows);
}

function printPlannerSpeed(print: Print): void {
  const passRates = [0.9, 0.95, 0.98, 0.99, 0.995, 0.999];
  const confidences = [0.9, 0.95, 0.99];
  const targets = passRates.flatMap((passRate) =>
    confidences.flatMap((confidence) =>
      [0, 1, 2, 3].map((failuresAllowed) => ({ passRate, confidence, failuresAllowed })),
    ),
  );
  const repeats = 50;
  let checksum = 0;
  const start = performance.now();
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const target of targets) checksum += trialsToDemonstrate(target);
  }
  const seconds = (performance.now() - start) / 1000;
  const calls = repeats * targets.length;
  const zeroFailureSeconds = timeZeroFailurePlans(passRates, confidences);
  print(
    `planner: trialsToDemonstrate, ${targets.length} targets (pass rate 90–99.9%, confidence 90–99%, 0–3 failures) × ${repeats}`,
  );
  printTable(print, [
    ["case", "calls/s"],
    ["mixed (0–3 failures)", perSecond(calls / seconds)],
    ["0 failures (closed form)", perSecond(zeroFailureSeconds.calls / zeroFailureSeconds.seconds)],
  ]);
  if (checksum <= 0) throw new Error("planner returned nonsense");
}

function timeZeroFailurePlans(
  passRates: readonly number[],
  confidences: readonly number[],
): { calls: number; seconds: number } {
  const repeats = 2000;
  const start = performance.now();
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const passRate of passRates) {
      for (const confidence of confidences) trialsToDemonstrate({ passRate, confidence });
    }
  }
  const calls = repeats * passRates.length * confidences.length;
  return { calls, seconds: (performance.now() - start) / 1000 };
}

function printSprtComparison(print: Print): void {
  const plan = headlinePlan;
  const runs = 20_000;
  const fixed = fixedSamplePlan(plan);
  print(
    `SPRT vs fixed plan: p0 = ${percent(plan.acceptableFailureRate)}, p1 = ${percent(plan.rejectableFailureRate)}, ` +
      `α = ${percent(plan.alpha)}, β = ${percent(plan.beta)}; ${runs.toLocaleString("en-US")} seeded runs per rate`,
  );
  const rows: string[][] = [
    [
      "true failure rate",
      "Wald ASN",
      "simulated mean",
      "P(accept) Wald",
      "P(accept) sim.",
      "fixed n",
      "saving",
    ],
  ];
  const rates: [string, number][] = [
    ["p0 (good build)", plan.acceptableFailureRate],
    ["p1 (bad build)", plan.rejectableFailureRate],
  ];
  for (const [index, [label, rate]] of rates.entries()) {
    const random = seededRandom(100 + index);
    let totalTrials = 0;
    let accepted = 0;
    for (let run = 0; run < runs; run++) {
      const outcome = simulateSprt(plan, rate, random);
      totalTrials += outcome.trials;
      if (outcome.decision === "accept") accepted++;
    }
    const meanTrials = totalTrials / runs;
    rows.push([
      `${label} ${percent(rate)}`,
      sprtAverageSampleNumber(plan, rate).toFixed(1),
      meanTrials.toFixed(1),
      sprtOperatingCharacteristic(plan, rate).toFixed(3),
      (accepted / runs).toFixed(3),
      String(fixed.trials),
      `${((1 - meanTrials / fixed.trials) * 100).toFixed(0)}%`,
    ]);
  }
  printTable(print, rows);
  print(
    `  fixed plan: ${fixed.trials} trials, accept with at most ${fixed.acceptanceNumber} failures (exact binomial)`,
  );
}

function printCoverage(print: Print): void {
  const runs = 4000;
  const start = performance.now();
  const rows = coverageTable({
    trialCounts: [10, 30, 100, 180, 500],
    passRates: [0.5, 0.8, 0.9, 0.95, 0.99],
    confidence: 0.95,
    runs,
    seed: 20_240_601,
  });
  const seconds = (performance.now() - start) / 1000;
  print(
    `coverage at 95% confidence: exact / simulated (${runs.toLocaleString("en-US")} seeded runs each); computed in ${seconds.toFixed(1)} s`,
  );
  const table: string[][] = [["method", "side", "n", "p", "exact", "simulated", "±1 s.e."]];
  for (const row of rows) {
    table.push([
      row.method,
      row.side,
      String(row.trials),
      String(row.passRate),
      row.exact.toFixed(4),
      row.simulated.toFixed(4),
      row.standardError.toFixed(4),
    ]);
  }
  printTable(print, table);
  print("");
  print("minimum and mean exact coverage over the grid (nominal 0.95)");
  const summary: string[][] = [["method", "side", "minimum", "at (n, p)", "mean"]];
  for (const method of intervalMethods) {
    for (const side of ["two-sided", "lower"] as const) {
      summary.push(summaryRow(method, side, rows));
    }
  }
  printTable(print, summary);
}

function summaryRow(method: IntervalMethod, side: string, rows: readonly CoverageRow[]): string[] {
  const selected = rows.filter((row) => row.method === method && row.side === side);
  let lowest = selected[0];
  let total = 0;
  for (const row of selected) {
    total += row.exact;
    if (lowest === undefined || row.exact < lowest.exact) lowest = row;
  }
  if (lowest === undefined) return [method, side, "-", "-", "-"];
  return [
    method,
    side,
    lowest.exact.toFixed(4),
    `(${lowest.trials}, ${lowest.passRate})`,
    (total / selected.length).toFixed(4),
  ];
}

/** Plain aligned text: first column left-aligned, numbers right-aligned. */
function printTable(print: Print, rows: readonly string[][]): void {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  for (const row of rows) {
    const cells = row.map((cell, column) =>
      column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
    );
    print(`  ${cells.join("  ")}`);
  }
}

function perSecond(rate: number): string {
  return Math.round(rate).toLocaleString("en-US");
}

function percent(rate: number): string {
  return `${+(rate * 100).toFixed(2)}%`;
}
