/**
 * The rules about acceptance criteria as a whole: a spec with none (`missing-criteria`, an error: nothing
 * says when the software is done), and criteria a test cannot check (`untestable-criterion`: no status,
 * exit code, output, number, concrete value, inline example or model example that shows it).
 */
import type { LintFinding } from "../../contracts/lint.js";
import type { Spec } from "../../contracts/spec.js";
import { isTestableCriterion, untestableFinding } from "./sentence-rules.js";
import type { SpecText } from "./spec-text.js";

const shownText = 80;

export function criteriaFindings(spec: Spec, text: SpecText): LintFinding[] {
  if (spec.criteria.length === 0) {
    return [
      {
        rule: "missing-criteria",
        severity: "error",
        line: 1,
        text: "",
        message: "the spec has no acceptance criteria: nothing says when the software is done",
        suggestion:
          "add a '## Acceptance criteria' list, one observable behaviour per item: e.g. '- Creating a todo answers 201: `POST /todos {\"title\": \"Milk\"}` → 201'",
      },
    ];
  }
  const exampleCriteria = new Set(
    (spec.model?.model.examples ?? []).flatMap((example) => example.criteria),
  );
  const findings: LintFinding[] = [];
  for (const criterion of spec.criteria) {
    const hasExamples = criterion.examples.length > 0 || exampleCriteria.has(criterion.id);
    const masked = text.criteria.get(criterion.id) ?? criterion.text;
    if (isTestableCriterion(masked, hasExamples)) continue;
    const shown =
      criterion.text.length > shownText
        ? `${criterion.text.slice(0, shownText - 1)}…`
        : criterion.text;
    findings.push({ ...untestableFinding(shown), line: criterion.line });
  }
  return findings;
}
