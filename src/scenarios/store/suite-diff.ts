/**
 * What changed between two versions of a suite, scenario by scenario: ids added, ids removed, and ids
 * whose scenario changed (any field, the steps and assertions included).
 */
import { isDeepStrictEqual } from "node:util";
import type { Scenario } from "../../contracts/scenario.js";

export interface SuiteDiff {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: number;
}

export function diffScenarios(
  from: { reference: string; scenarios: readonly Scenario[] },
  to: { reference: string; scenarios: readonly Scenario[] },
): SuiteDiff {
  const before = new Map(from.scenarios.map((scenario) => [scenario.id, scenario]));
  const afterIds = new Set(to.scenarios.map((scenario) => scenario.id));
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const scenario of to.scenarios) {
    const earlier = before.get(scenario.id);
    if (earlier === undefined) added.push(scenario.id);
    else if (isDeepStrictEqual(earlier, scenario)) unchanged += 1;
    else changed.push(scenario.id);
  }
  const removed = from.scenarios.map((scenario) => scenario.id).filter((id) => !afterIds.has(id));
  return { from: from.reference, to: to.reference, added, removed, changed, unchanged };
}
