/**
 * Adding scenarios to a suite without repeating any: a candidate that is the same test as a scenario
 * already there (same category and steps, as the generators judge it) is left out whatever its id or
 * title, and one whose id is taken gets the next free `-2`, `-3`… suffix.
 */
import type { Scenario, SuiteCriterion } from "../contracts/scenario.js";
import { scenarioKey } from "./generate/scenario-identity.js";

export function distinctNewScenarios(
  existing: readonly Scenario[],
  candidates: readonly Scenario[],
): Scenario[] {
  const kept: Scenario[] = [];
  const takenIds = new Set(existing.map((scenario) => scenario.id));
  const keys = new Set(existing.map(scenarioKey));
  for (const candidate of candidates) {
    const key = scenarioKey(candidate);
    if (keys.has(key)) continue;
    keys.add(key);
    const id = freeId(candidate.id, takenIds);
    takenIds.add(id);
    kept.push(id === candidate.id ? candidate : { ...candidate, id });
  }
  return kept;
}

function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${id}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The criteria of both, the first's wording kept for an id both have. */
export function mergeCriteria(
  first: readonly SuiteCriterion[] | undefined,
  second: readonly SuiteCriterion[] | undefined,
): SuiteCriterion[] | undefined {
  if (first === undefined && second === undefined) return undefined;
  const merged = [...(first ?? [])];
  for (const criterion of second ?? []) {
    if (!merged.some((known) => known.id === criterion.id)) merged.push(criterion);
  }
  return merged;
}
