/**
 * Edge cli scenarios: bad command lines (no or an unknown subcommand, an unknown option, one argument
 * too many, a flag given a value) and every boundary case of every argument and option, each put into
 * the target's valid baseline line. A valid boundary expects success; an invalid one, or one left out
 * while required, the usage error with nothing on stdout. Last, the option cases written `--name=value`.
 */
import type { Assertion, Scenario } from "../../contracts/scenario.js";
import type { CliErrorBehaviour } from "../../contracts/spec.js";
import {
  argvText,
  buildArgv,
  type CommandLine,
  withArgument,
  withOption,
  withoutOption,
} from "./cli-command-line.js";
import { usageExpectations } from "./cli-expectations.js";
import { type CliGeneration, validLineExpectations } from "./cli-generation-context.js";
import { distinctScenarios } from "./cli-library-shared.js";
import {
  type CliParameter,
  type CliTarget,
  cliScenario,
  cliScenarioId,
  parameterLabel,
  parameterTag,
  targetTags,
  titlePrefix,
} from "./cli-scenario.js";
import { baselineLine } from "./cli-value-pools.js";
import { cliTextValidity } from "./cli-value-validity.js";
import { type BoundaryCase, boundaryCases, omitted } from "./field-values.js";
import { interleave } from "./scenario-identity.js";

const unknownOption = "shopfloor-unknown-option";
const unknownCommand = "shopfloor-unknown-command";

export function edgeCliScenarios(generation: CliGeneration): Scenario[] {
  const { targets, model } = generation;
  const withBaseline = targets.flatMap((target) => {
    const baseline = generation.baselines.get(target);
    return baseline === undefined ? [] : [{ target, baseline }];
  });
  const structural = withBaseline.map(({ target, baseline }) =>
    badLineScenarios(target, baseline, model.errors),
  );
  const casesIn = (form: "separate" | "equals", variant: number) =>
    interleave(
      withBaseline.map(({ target, baseline }) => {
        const line = variant === 0 ? baseline : baselineOf(generation, target, variant);
        if (line === undefined) return [];
        const outcomes = {
          valid: (placedLine: CommandLine) => validLineExpectations(generation, target, placedLine),
          invalid: usageExpectations(model.errors),
        };
        return interleave(
          target.parameters
            .filter((parameter) => form === "separate" || takesValue(parameter))
            .map((parameter) =>
              boundaryScenarios(target, line, parameter, { form, variant }, outcomes),
            ),
        );
      }),
    );
  const scenarios = [
    ...subcommandScenarios(generation),
    ...interleave(structural),
    ...casesIn("separate", 0),
    ...casesIn("equals", 0),
  ];
  // Few parameters give few cases: the same cases in other valid lines, until there are enough.
  for (let variant = 1; variant <= maximumVariants; variant += 1) {
    if (distinctScenarios(scenarios).length >= generation.edgeWanted) break;
    scenarios.push(...casesIn("separate", variant));
  }
  return scenarios;
}

const maximumVariants = 5;

function baselineOf(generation: CliGeneration, target: CliTarget, variant: number) {
  const pools = generation.pools.get(target);
  return pools === undefined ? undefined : baselineLine(target, pools, variant);
}

function takesValue(parameter: CliParameter): boolean {
  return parameter.kind === "option" && parameter.field.type !== "boolean";
}

function subcommandScenarios(generation: CliGeneration): Scenario[] {
  if (generation.targets.every((target) => target.command === undefined)) return [];
  const expect = usageExpectations(generation.model.errors);
  return [
    cliScenario({
      id: "edge/no-subcommand",
      category: "edge",
      title: "No subcommand is a usage error",
      tags: ["aspect:usage"],
      argv: [],
      expect,
    }),
    cliScenario({
      id: "edge/unknown-subcommand",
      category: "edge",
      title: `An unknown subcommand (${unknownCommand}) is a usage error`,
      tags: ["aspect:usage"],
      argv: [unknownCommand],
      expect,
    }),
  ];
}

function badLineScenarios(
  target: CliTarget,
  baseline: CommandLine,
  errors: CliErrorBehaviour,
): Scenario[] {
  const prefix = titlePrefix(target);
  const bad = (id: string[], title: string, line: CommandLine, tags: string[] = []) =>
    cliScenario({
      id: cliScenarioId("edge", target, ...id),
      category: "edge",
      title: `${prefix}${title}`,
      tags: [...targetTags(target), ...tags, "aspect:usage"],
      argv: buildArgv(line),
      expect: usageExpectations(errors),
    });
  const scenarios = [
    bad(
      ["unknown-option"],
      `an unknown option (--${unknownOption}) is a usage error`,
      withOption(baseline, { name: unknownOption }),
    ),
  ];
  const positionals = target.parameters.filter((parameter) => parameter.kind === "argument");
  if (baseline.arguments.length === positionals.length) {
    scenarios.push(
      bad(["too-many-arguments"], "one positional argument too many is a usage error", {
        ...baseline,
        arguments: [...baseline.arguments, "extra"],
      }),
    );
  }
  for (const parameter of target.parameters) {
    if (parameter.kind !== "option" || parameter.field.type !== "boolean") continue;
    scenarios.push(
      bad(
        [parameter.name, "flag-with-value"],
        `the flag --${parameter.name} given a value (--${parameter.name}=yes) is a usage error`,
        withOption(baseline, { name: parameter.name, text: "yes", form: "equals" }),
        [parameterTag(parameter)],
      ),
    );
  }
  return scenarios;
}

/** What a valid command line (by its rules) and an invalid one expect. */
interface Outcomes {
  valid(line: CommandLine): Assertion[];
  invalid: Assertion[];
}

/** One scenario per boundary case of the parameter that a command line can carry and settles. */
function boundaryScenarios(
  target: CliTarget,
  baseline: CommandLine,
  parameter: CliParameter,
  placement: { form: "separate" | "equals"; variant: number },
  outcomes: Outcomes,
): Scenario[] {
  const { form, variant } = placement;
  const cases = boundaryCases(parameter.field, { required: parameter.field.required });
  // Leaving out a required parameter is the most telling case; the others keep their order.
  const ordered = [
    ...cases.filter((boundary) => boundary.value === omitted),
    ...cases.filter((boundary) => boundary.value !== omitted),
  ];
  const scenarios: Scenario[] = [];
  for (const boundary of ordered) {
    const placed = placeCase(target, baseline, parameter, boundary, form);
    if (placed === undefined) continue;
    const suffix = `${form === "equals" ? "-equals" : ""}${variant > 0 ? `-v${variant + 1}` : ""}`;
    const argv = buildArgv(placed.line);
    const outcome = placed.valid ? "accepted" : "a usage error";
    const written = form === "equals" ? ` (written --${parameter.name}=value)` : "";
    const within = variant > 0 ? ` (in valid line ${variant + 1})` : "";
    scenarios.push(
      cliScenario({
        id: cliScenarioId("edge", target, parameter.name, `${boundary.label}${suffix}`),
        category: "edge",
        title: `${titlePrefix(target)}${parameterLabel(parameter)}: ${boundary.note}${written}${within} — ${outcome}`,
        tags: [
          ...targetTags(target),
          parameterTag(parameter),
          placed.valid ? "aspect:boundary" : "aspect:validation",
        ],
        argv,
        expect: placed.valid ? outcomes.valid(placed.line) : outcomes.invalid,
      }),
    );
  }
  return scenarios;
}

interface PlacedCase {
  line: CommandLine;
  valid: boolean;
}

/** The baseline with the case's value in the parameter's place; undefined when argv cannot settle it. */
export function placeCase(
  target: CliTarget,
  baseline: CommandLine,
  parameter: CliParameter,
  boundary: BoundaryCase,
  form: "separate" | "equals",
): PlacedCase | undefined {
  const { field } = parameter;
  if (parameter.kind === "option") {
    if (field.type === "boolean") {
      if (form === "equals") return undefined;
      if (boundary.value === true) {
        return { line: withOption(baseline, { name: parameter.name }), valid: true };
      }
      return { line: withoutOption(baseline, parameter.name), valid: !field.required };
    }
    if (boundary.value === omitted) {
      if (form === "equals") return undefined;
      return { line: withoutOption(baseline, parameter.name), valid: !field.required };
    }
    const text = argvText(boundary.value);
    if (text === undefined) return undefined;
    const validity = cliTextValidity(field, text);
    if (validity === "ambiguous") return undefined;
    return {
      line: withOption(baseline, { name: parameter.name, text, form }),
      valid: validity === "valid",
    };
  }
  if (parameter.position > baseline.arguments.length) return undefined;
  if (boundary.value === omitted) {
    // Positionals can only be left out from the end: this one and every one after it.
    const cut = target.parameters.filter(
      (other) => other.kind === "argument" && other.position >= parameter.position,
    );
    return {
      line: withArgument(baseline, parameter.position, undefined),
      valid: cut.every((other) => !other.field.required),
    };
  }
  const text = argvText(boundary.value);
  if (text === undefined) return undefined;
  const validity = cliTextValidity(field, text);
  if (validity === "ambiguous") return undefined;
  return {
    line: withArgument(baseline, parameter.position, text),
    valid: validity === "valid",
  };
}
