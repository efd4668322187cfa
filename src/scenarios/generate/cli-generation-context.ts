/**
 * What the three cli category generators work from, computed once per request: the model's targets,
 * each target's valid words and baseline command line, how many valid lines to offer, what a valid line
 * expects, and the notes collected on the way.
 */
import type { Assertion } from "../../contracts/scenario.js";
import type { CliModel, Spec } from "../../contracts/spec.js";
import type { CommandLine } from "./cli-command-line.js";
import { expectedExitCode } from "./cli-criterion-examples.js";
import {
  failureExpectations,
  successExpectations,
  successOrFailureExpectations,
} from "./cli-expectations.js";
import { brokenRule } from "./cli-rules.js";
import { type CliTarget, cliTargets } from "./cli-scenario.js";
import { baselineLine, type ValuePools, valuePools } from "./cli-value-pools.js";
import type { KindGeneratorRequest } from "./kind-generator.js";

export interface CliGeneration {
  spec: Spec;
  model: CliModel;
  targets: CliTarget[];
  pools: Map<CliTarget, ValuePools>;
  /** Undefined for a target whose required parameters cannot all be given a valid word. */
  baselines: Map<CliTarget, CommandLine | undefined>;
  /** Seeded valid command lines to offer per target. */
  validLinesPerTarget: number;
  /** Edge scenarios to offer before variations stop (boundaries in other valid lines). */
  edgeWanted: number;
  /** Where the spec shows a valid command line that fails (`AC5 (line 27)`), if it does. */
  failureShownBy: string | undefined;
  seed: number;
  notes: string[];
}

/** A quarter more than requested, so that the caller can still pick distinct ones. */
export function cliGenerationContext(request: KindGeneratorRequest<CliModel>): CliGeneration {
  const notes: string[] = [];
  const targets = cliTargets(request.model);
  const wanted = Math.ceil(request.counts.normal * 1.25) + 5;
  const validLinesPerTarget = Math.ceil(wanted / targets.length);
  const pools = new Map<CliTarget, ValuePools>();
  const baselines = new Map<CliTarget, CommandLine | undefined>();
  for (const target of targets) {
    const targetPools = valuePools(target, request.seed, validLinesPerTarget, notes);
    pools.set(target, targetPools);
    const baseline = baselineLine(target, targetPools);
    if (baseline === undefined) {
      const where = target.command === undefined ? "the program" : `the command ${target.command}`;
      notes.push(
        `${where} has a required parameter without a valid value: only its help and usage scenarios were made`,
      );
    }
    baselines.set(target, baseline);
  }
  return {
    spec: request.spec,
    model: request.model,
    targets,
    pools,
    baselines,
    validLinesPerTarget,
    edgeWanted: Math.ceil(request.counts.edge * 1.25),
    failureShownBy: failureShown(request.spec, request.model, notes),
    seed: request.seed,
    notes,
  };
}

/**
 * What a valid command line of `target` expects: success, or the clean failure of a rule it breaks. When
 * the spec shows valid lines failing but the model has no rules to say which, success or a clean failure.
 */
export function validLineExpectations(
  generation: CliGeneration,
  target: CliTarget,
  line: CommandLine,
): Assertion[] {
  if (brokenRule(target, line) !== undefined) return failureExpectations(generation.model.errors);
  if (generation.failureShownBy === undefined || target.rules.length > 0)
    return successExpectations(target.output);
  return successOrFailureExpectations(target.output, generation.model.errors);
}

function failureShown(spec: Spec, model: CliModel, notes: string[]): string | undefined {
  const { failure } = model.errors;
  const shownBy = failureInCriteria(spec, failure) ?? failureInExamples(model, failure);
  const hasRules =
    model.requires.length > 0 ||
    Object.values(model.commands ?? {}).some((command) => command.requires.length > 0);
  if (shownBy !== undefined && !hasRules) {
    notes.push(
      `${shownBy} shows a valid command line that fails (exit ${failure}), and the model has no rules (\`requires\`) to say which others fail: valid lines made from the model expect success or a clean failure (exit ${failure} with a message on stderr); add rules to test them exactly`,
    );
  }
  return shownBy;
}

function failureInCriteria(spec: Spec, failure: number): string | undefined {
  for (const criterion of spec.criteria) {
    for (const example of criterion.examples) {
      if (expectedExitCode(example.expected) === failure) {
        return `${criterion.id} (line ${example.line})`;
      }
    }
  }
  return undefined;
}

function failureInExamples(model: CliModel, failure: number): string | undefined {
  const index = model.examples.findIndex((example) =>
    example.steps.some((step) => {
      const expectations: unknown = step.expect;
      return (
        Array.isArray(expectations) &&
        expectations.some(
          (assertion: unknown) =>
            typeof assertion === "object" &&
            assertion !== null &&
            (assertion as { exitCode?: unknown }).exitCode === failure,
        )
      );
    }),
  );
  return index === -1 ? undefined : `model example ${index + 1}`;
}
