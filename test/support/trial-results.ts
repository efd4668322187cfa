/** Builders of trial results for tests: a category with so many passing and failing scenarios. */
import type { ScenarioCategory, TrialResult } from "../../src/contracts/index.js";

export function categoryResults(
  category: ScenarioCategory,
  passed: number,
  failed: number,
  error = "step 1 (GET /todos/17): expected status 200, got 500",
): TrialResult[] {
  const results: TrialResult[] = [];
  for (let index = 0; index < passed + failed; index += 1) {
    const pass = index < passed;
    results.push({
      scenario: `${category}/scenario-${index + 1}`,
      category,
      pass,
      durationMs: 10 + (index % 10),
      ...(pass ? {} : { error }),
    });
  }
  return results;
}

export type Counts = Readonly<Record<ScenarioCategory, readonly [passed: number, failed: number]>>;

export function suiteResults(counts: Counts): TrialResult[] {
  return [
    ...categoryResults("normal", ...counts.normal),
    ...categoryResults("edge", ...counts.edge),
    ...categoryResults("malicious", ...counts.malicious),
  ];
}
