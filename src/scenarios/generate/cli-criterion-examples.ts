/**
 * The worked examples written inline in a cli spec's acceptance criteria, as normal scenarios:
 * `` `tempconv --to fahrenheit 100` → `212` `` runs `--to fahrenheit 100` (the first word is the
 * program) and expects exit 0 with exactly `212` on stdout, trimmed; `→ exit 2` expects that exit code.
 * An example that cannot be run as one command becomes a note, never a crash.
 */
import type { Assertion, Scenario } from "../../contracts/scenario.js";
import type { AcceptanceCriterion, CriterionExample } from "../../contracts/spec.js";
import { describeArgv } from "./cli-command-line.js";
import { exactOutputExpectations } from "./cli-expectations.js";
import { idPart, titleText, unquoteCode } from "./cli-library-shared.js";
import { cliScenario } from "./cli-scenario.js";
import { splitShellWords } from "./cli-shell-words.js";

const exitExpectation = /^exits?(?:\s+with)?(?:\s+code)?\s*:?\s*(\d{1,3})$/i;

export function cliCriterionExampleScenarios(
  criteria: readonly AcceptanceCriterion[],
  notes: string[],
): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const criterion of criteria) {
    for (const [index, example] of criterion.examples.entries()) {
      const scenario = exampleScenario(criterion, example, index + 1);
      if (typeof scenario === "string") {
        notes.push(
          `${criterion.id} (line ${example.line}): the example "${titleText(example.input)}" cannot be run: ${scenario}`,
        );
      } else {
        scenarios.push(scenario);
      }
    }
  }
  return scenarios;
}

/** The scenario, or why there is none. */
function exampleScenario(
  criterion: AcceptanceCriterion,
  example: CriterionExample,
  number: number,
): Scenario | string {
  const split = splitShellWords(unquoteCode(example.input));
  if (!split.ok) return split.reason;
  const argv = split.words.slice(1);
  if (split.words.length === 0) return "it is empty";
  const expected = unquoteCode(example.expected);
  const expect = expectationsFor(expected);
  if (expect === undefined)
    return `the expected exit code in "${titleText(expected)}" is not 0-255`;
  return cliScenario({
    id: `normal/${idPart(criterion.id)}/example-${number}`,
    category: "normal",
    title: `${criterion.id}: ${describeArgv(argv)} → ${titleText(expected, 40)}`,
    tags: ["source:criterion", `criterion:${criterion.id}`],
    argv,
    expect,
    covers: [criterion.id],
  });
}

function expectationsFor(expected: string): Assertion[] | undefined {
  const code = expectedExitCode(expected);
  if (code === undefined) return exactOutputExpectations(expected);
  return code <= 255 ? [{ exitCode: code }] : undefined;
}

/** The exit code an example's expected result names (`exit 2`, `exits with code 1`), if it names one. */
export function expectedExitCode(expected: string): number | undefined {
  const exit = exitExpectation.exec(unquoteCode(expected));
  return exit === null ? undefined : Number(exit[1]);
}
