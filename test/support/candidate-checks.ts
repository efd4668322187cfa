/**
 * Test support: what every offline generator owes its caller, checked the same way for each kind: more
 * candidates than requested in each category, distinct ids, no notes, and every scenario valid for the
 * suite's kind with a one-line title.
 */
import { expect } from "vitest";
import type { SuiteHeader } from "../../src/contracts/scenario.js";
import type { ScenarioCounts } from "../../src/contracts/spec.js";
import type { CandidateScenarios } from "../../src/scenarios/generate/kind-generator.js";
import { scenarioSchemaFor } from "../../src/scenarios/scenario-schema.js";

export function expectGeneratorContract(
  generated: CandidateScenarios,
  header: SuiteHeader,
  counts: ScenarioCounts,
): void {
  for (const category of ["normal", "edge", "malicious"] as const) {
    const offered = generated.scenarios.filter((scenario) => scenario.category === category);
    expect(offered.length, category).toBeGreaterThan(counts[category]);
  }
  const ids = generated.scenarios.map((scenario) => scenario.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(generated.notes).toEqual([]);
  const schema = scenarioSchemaFor(header);
  for (const scenario of generated.scenarios) {
    expect(schema.safeParse(scenario).error, scenario.id).toBeUndefined();
    expect(scenario.id).toMatch(/^(normal|edge|malicious)\/[\w.\-/]+$/);
    expect(scenario.title).not.toMatch(/[\n\r]/);
  }
}
