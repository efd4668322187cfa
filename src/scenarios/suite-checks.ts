/**
 * Checks across the scenarios of a whole suite, after each was validated on its own: ids unique across
 * all files (a trial result names its scenario by id), criteria a scenario covers that the suite lists,
 * and predicate modules that exist.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { SuiteCriterion } from "../contracts/scenario.js";
import type { ProblemList } from "./problem-list.js";
import type { LocatedScenario } from "./read-suite-file.js";

export function checkUniqueIds(scenarios: readonly LocatedScenario[], problems: ProblemList): void {
  const first = new Map<string, LocatedScenario>();
  for (const located of scenarios) {
    const earlier = first.get(located.scenario.id);
    if (earlier === undefined) {
      first.set(located.scenario.id, located);
      continue;
    }
    const idPath = (index: number) => ["scenarios", index, "id"];
    const line = earlier.document.lineOf(idPath(earlier.index));
    const where = line === undefined ? earlier.document.file : `${earlier.document.file}:${line}`;
    problems.addAt(located.document, {
      path: idPath(located.index),
      message: `duplicate scenario id "${located.scenario.id}"; it is also the id of the scenario at ${where}`,
    });
  }
}

export async function checkPredicatesExist(
  scenarios: readonly LocatedScenario[],
  suiteFolder: string,
  problems: ProblemList,
): Promise<void> {
  const exists = new Map<string, Promise<boolean>>();
  for (const { scenario, document, index } of scenarios) {
    for (const [stepIndex, step] of scenario.steps.entries()) {
      for (const [assertionIndex, assertion] of step.expect.entries()) {
        if (!("predicate" in assertion)) continue;
        const modulePath = resolve(suiteFolder, assertion.predicate);
        let found = exists.get(modulePath);
        if (found === undefined) {
          found = stat(modulePath).then(
            (entry) => entry.isFile(),
            () => false,
          );
          exists.set(modulePath, found);
        }
        if (await found) continue;
        problems.addAt(document, {
          path: ["scenarios", index, "steps", stepIndex, "expect", assertionIndex, "predicate"],
          message: `no predicate module at ${modulePath} (predicates are relative to the suite folder)`,
        });
      }
    }
  }
}

/** When the suite lists its spec's criteria, every id a scenario covers must be one of them. */
export function checkCoveredCriteria(
  scenarios: readonly LocatedScenario[],
  criteria: readonly SuiteCriterion[] | undefined,
  problems: ProblemList,
): void {
  if (criteria === undefined) return;
  const known = new Set(criteria.map((criterion) => criterion.id));
  for (const { scenario, document, index } of scenarios) {
    for (const [coverIndex, id] of (scenario.covers ?? []).entries()) {
      if (known.has(id)) continue;
      problems.addAt(document, {
        path: ["scenarios", index, "covers", coverIndex],
        message: `"${id}" is not one of the suite's criteria (${[...known].join(", ") || "none"})`,
      });
    }
  }
}
