/**
 * Which acceptance criteria a stored suite's scenarios cover (by their `covers`), and which none does:
 * an uncovered criterion is a promise of the spec that the holdout never checks. (Generation fills
 * `covers` in from the criteria's text: generate/coverage.ts.)
 */
import type { Scenario, SuiteCriterion } from "../contracts/scenario.js";
import type { CriterionCoverage } from "./generate/coverage.js";

export type { CriterionCoverage } from "./generate/coverage.js";

export function criteriaCoverage(
  criteria: readonly SuiteCriterion[],
  scenarios: readonly Scenario[],
): CriterionCoverage[] {
  return criteria.map((criterion) => ({
    id: criterion.id,
    text: criterion.text,
    scenarios: scenarios
      .filter((scenario) => scenario.covers?.includes(criterion.id))
      .map((scenario) => scenario.id),
  }));
}
