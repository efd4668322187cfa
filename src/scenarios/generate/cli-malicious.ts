/**
 * Malicious cli scenarios: hostile words as the value of every argument and option that takes one —
 * `--help` where a value belongs (option injection), a 100 KB word, and every command-line-safe payload
 * of the malicious corpus (shell metacharacters, injections, traversal, unicode). A payload that is a
 * valid value must be taken as plain text (as any valid line: see validLineExpectations); any other is a
 * usage error. The runner adds its robustness checks (no crash, stack trace or internal path) to each.
 */
import type { Assertion, Scenario } from "../../contracts/scenario.js";
import {
  oversizedText,
  type PayloadFamily,
  payloadFamilies,
  stringPayloads,
} from "../malicious/index.js";
import { buildArgv, type CommandLine, withArgument, withOption } from "./cli-command-line.js";
import { usageExpectations } from "./cli-expectations.js";
import { type CliGeneration, validLineExpectations } from "./cli-generation-context.js";
import { titleText } from "./cli-library-shared.js";
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
import { cliTextValidity } from "./cli-value-validity.js";
import { interleave } from "./scenario-identity.js";

/** Large enough to overflow a fixed buffer, small enough for one argv word (Linux allows 128 KiB). */
export const oversizedArgumentBytes = 100 * 1024;

interface HostileWord {
  /** The last part of the scenario id. */
  label: string;
  text: string;
  /** What it is, for the title. */
  description: string;
  tags: string[];
}

export function maliciousCliScenarios(generation: CliGeneration): Scenario[] {
  const perTarget = generation.targets.flatMap((target) => {
    const baseline = generation.baselines.get(target);
    if (baseline === undefined) return [];
    const parameters = target.parameters.filter(
      (parameter) => parameter.kind === "argument" || parameter.field.type !== "boolean",
    );
    const outcomes = {
      valid: (line: CommandLine) => validLineExpectations(generation, target, line),
      invalid: usageExpectations(generation.model.errors),
    };
    const place = (parameter: CliParameter, word: HostileWord) =>
      hostileScenario(target, baseline, parameter, word, outcomes);
    const special = interleave(
      parameters.map((parameter) => specialWords().flatMap((word) => place(parameter, word) ?? [])),
    );
    const payloads = interleave(
      payloadFamilies.flatMap((family) =>
        parameters.map((parameter) =>
          familyWords(family).flatMap((word) => place(parameter, word) ?? []),
        ),
      ),
    );
    return [{ special, payloads }];
  });
  return [
    ...interleave(perTarget.map((target) => target.special)),
    ...interleave(perTarget.map((target) => target.payloads)),
  ];
}

function specialWords(): HostileWord[] {
  return [
    {
      label: "option-injection",
      text: "--help",
      description: "--help given as the value",
      tags: ["aspect:injection", "family:option-injection"],
    },
    {
      label: "oversized",
      text: oversizedText(oversizedArgumentBytes),
      description: `a ${oversizedArgumentBytes / 1024} KB value`,
      tags: ["aspect:oversized"],
    },
  ];
}

function familyWords(family: PayloadFamily): HostileWord[] {
  return stringPayloads
    .filter((payload) => payload.family === family && payload.argvSafe)
    .map((payload, index) => ({
      label: `${family}-${index + 1}`,
      text: payload.value,
      description: `${titleText(payload.value, 40)} (${payload.note})`,
      tags: ["aspect:injection", `family:${family}`],
    }));
}

function hostileScenario(
  target: CliTarget,
  baseline: CommandLine,
  parameter: CliParameter,
  word: HostileWord,
  outcomes: { valid(line: CommandLine): Assertion[]; invalid: Assertion[] },
): Scenario | undefined {
  const validity = cliTextValidity(parameter.field, word.text);
  if (validity === "ambiguous") return undefined;
  let line: CommandLine;
  if (parameter.kind === "option") {
    // `=` keeps a value that looks like an option a value: `--name --help` would be ambiguous.
    line = withOption(baseline, { name: parameter.name, text: word.text, form: "equals" });
  } else {
    if (parameter.position > baseline.arguments.length) return undefined;
    line = withArgument(baseline, parameter.position, word.text);
  }
  const valid = validity === "valid";
  const outcome = valid ? "taken as plain text" : "a usage error";
  return cliScenario({
    id: cliScenarioId("malicious", target, parameter.name, word.label),
    category: "malicious",
    title: `${titlePrefix(target)}${parameterLabel(parameter)} = ${word.description}: ${outcome}`,
    tags: [...targetTags(target), parameterTag(parameter), ...word.tags],
    argv: buildArgv(line),
    expect: valid ? outcomes.valid(line) : outcomes.invalid,
  });
}
