/**
 * The worked examples written inline in a library spec's acceptance criteria, as normal scenarios:
 * `` `slugify("Hello World")` → `"hello-world"` `` calls `slugify` with those arguments and expects that
 * JSON value; `→ throws ValidationError` expects that error. Arguments and values are JSON, or YAML's
 * flow syntax for the looser forms people write (`'single quotes'`). An example that cannot be read
 * becomes a note, never a crash.
 */
import { parse as parseYaml } from "yaml";
import type { Assertion, Scenario } from "../../contracts/scenario.js";
import type { AcceptanceCriterion, CriterionExample } from "../../contracts/spec.js";
import { idPart, titleText, unquoteCode } from "./cli-library-shared.js";
import { encodeValue, type LibraryFunction, robustnessFor } from "./library-scenario.js";

const callPattern = /^(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)\s*\(([\s\S]*)\)\s*;?$/;
const throwsPattern = /^throws?(?:\s+(?:an?\s+)?([A-Za-z_$][\w$]*))?\.?$/i;

export interface ParsedCall {
  name: string;
  args: unknown[];
}

/** `slugify("a b", 3)` → the function's name and its arguments; a string says why it cannot be read. */
export function parseCall(text: string): ParsedCall | string {
  const call = callPattern.exec(unquoteCode(text));
  if (call === null) return "it is not a call such as name(arg1, arg2)";
  const args = parseLoose(`[${call[2] ?? ""}]`);
  if (!args.ok || !Array.isArray(args.value)) return "its arguments are not JSON values";
  return { name: call[1] ?? "", args: args.value };
}

/** `throws Name`, or a JSON value; a string says why it cannot be read. */
export function parseExpectedResult(text: string): Assertion | string {
  const expected = unquoteCode(text);
  const thrown = throwsPattern.exec(expected);
  if (thrown !== null) return { throws: thrown[1] === undefined ? true : { name: thrown[1] } };
  if (expected === "undefined") return { json: { $undefined: true } };
  const value = parseLoose(expected);
  if (!value.ok)
    return `the expected result ${JSON.stringify(titleText(expected, 40))} is not a JSON value`;
  return { json: encodeValue(value.value) };
}

export function libraryCriterionExampleScenarios(
  criteria: readonly AcceptanceCriterion[],
  functions: readonly LibraryFunction[],
  notes: string[],
): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const criterion of criteria) {
    for (const [index, example] of criterion.examples.entries()) {
      const scenario = exampleScenario(criterion, example, index + 1, functions);
      if (typeof scenario !== "string") {
        scenarios.push(scenario);
        continue;
      }
      notes.push(
        `${criterion.id} (line ${example.line}): the example "${titleText(example.input)}" cannot be run: ${scenario}`,
      );
    }
  }
  return scenarios;
}

function exampleScenario(
  criterion: AcceptanceCriterion,
  example: CriterionExample,
  number: number,
  functions: readonly LibraryFunction[],
): Scenario | string {
  const call = parseCall(example.input);
  if (typeof call === "string") return call;
  const definition = functions.find((candidate) => candidate.name === call.name);
  if (definition === undefined) return `the model has no function ${call.name}`;
  const expected = parseExpectedResult(example.expected);
  if (typeof expected === "string") return expected;
  const steps = [
    {
      call: { export: definition.name, args: call.args.map(encodeValue) },
      expect: [expected],
    },
  ];
  return {
    id: `normal/${idPart(criterion.id)}/example-${number}`,
    category: "normal",
    title: `${criterion.id}: ${titleText(unquoteCode(example.input), 50)} → ${titleText(unquoteCode(example.expected), 30)}`,
    tags: [`function:${definition.name}`, "source:criterion", `criterion:${criterion.id}`],
    covers: [criterion.id],
    ...robustnessFor(definition, steps),
    steps,
  };
}

function parseLoose(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Not JSON: YAML's flow syntax reads 'single quotes' and bare words.
  }
  try {
    return { ok: true, value: parseYaml(text) };
  } catch {
    return { ok: false };
  }
}
