/**
 * A whole-suite YAML text checked exactly as `loadSuite` checks a file, without a file: the store
 * validates and normalises a suite this way before it hashes and writes it. Predicate assertions are
 * refused: their modules are relative to a suite folder the store does not have.
 */
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { InvalidSuiteError } from "../invalid-suite-error.js";
import { ProblemList } from "../problem-list.js";
import { type LocatedScenario, readFileParts, readScenarios } from "../read-suite-file.js";
import { parseSourceDocument } from "../source-document.js";
import { checkCoveredCriteria, checkUniqueIds } from "../suite-checks.js";

export interface SuiteContent {
  header: SuiteHeader;
  scenarios: Scenario[];
}

export function readSuiteText(text: string, shownAs: string): SuiteContent {
  const problems = new ProblemList();
  const parsed = parseSourceDocument(text, shownAs);
  if (!parsed.ok) {
    problems.add({
      file: shownAs,
      line: parsed.problem.line,
      field: "(syntax)",
      message: parsed.problem.message,
    });
    throw new InvalidSuiteError(shownAs, problems.sorted());
  }
  const document = parsed.document;
  const parts = readFileParts(document, "whole-suite", problems);
  const header = parts.header;
  const scenarios = header ? readScenarios(document, parts.scenarios, header, problems) : [];
  checkUniqueIds(scenarios, problems);
  checkCoveredCriteria(scenarios, header?.criteria, problems);
  refusePredicates(scenarios, problems);
  if (problems.isEmpty && scenarios.length === 0) {
    problems.addAt(document, { path: ["scenarios"], message: "a suite has at least one scenario" });
  }
  if (!problems.isEmpty || header === undefined) {
    throw new InvalidSuiteError(shownAs, problems.sorted());
  }
  return { header, scenarios: scenarios.map((located) => located.scenario) };
}

function refusePredicates(scenarios: readonly LocatedScenario[], problems: ProblemList): void {
  for (const { scenario, document, index } of scenarios) {
    for (const [stepIndex, step] of scenario.steps.entries()) {
      for (const [assertionIndex, assertion] of step.expect.entries()) {
        if (!("predicate" in assertion)) continue;
        problems.addAt(document, {
          path: ["scenarios", index, "steps", stepIndex, "expect", assertionIndex, "predicate"],
          message:
            "a stored suite cannot use predicate assertions: their modules would be outside the store; use expression or jsonSchema",
        });
      }
    }
  }
}
