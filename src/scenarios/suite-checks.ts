/**
 * Checks across the scenarios of a whole suite, after each was validated on its own: ids unique across
 * all files (a trial result names its scenario by id), and predicate modules that exist.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
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
