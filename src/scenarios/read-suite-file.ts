/**
 * Reading the parts of one suite file: the header (`suite:`) and the scenarios (`scenarios:`), each
 * validated against the contract; problems go to the list with their file, line and field, and whatever
 * is valid is returned so that the other files can still be checked in the same pass.
 */
import { z } from "zod";
import { type Scenario, SuiteDefaults, SuiteHeader, TargetKind } from "../contracts/scenario.js";
import { knownKeysIn } from "./known-keys.js";
import type { ProblemList } from "./problem-list.js";
import { scenarioSchemaFor } from "./scenario-schema.js";
import type { SourceDocument } from "./source-document.js";
import { parseMessages, problemsFromIssues } from "./zod-problems.js";

/** The roles a file plays: the one file of a suite, a folder's suite file, or a folder's scenario file. */
export type SuiteFileRole = "whole-suite" | "suite-file" | "scenario-file";

const AnyObject = z.record(z.string(), z.unknown());
const ScenarioList = z.array(z.unknown());

const fileShapes = {
  "whole-suite": z.strictObject({ suite: AnyObject, scenarios: ScenarioList }),
  "suite-file": z.strictObject({ suite: AnyObject, scenarios: ScenarioList.optional() }),
  "scenario-file": z.strictObject({ scenarios: ScenarioList }),
} as const;

export interface LocatedScenario {
  scenario: Scenario;
  document: SourceDocument;
  index: number;
}

export interface SuiteFileParts {
  /** The header when it is valid; absent for a scenario file or a broken header. */
  header?: SuiteHeader;
  /** The raw `scenarios:` list, validated later against the suite's target kind. */
  scenarios: unknown[];
}

export function readFileParts(
  document: SourceDocument,
  role: SuiteFileRole,
  problems: ProblemList,
): SuiteFileParts {
  const shape = fileShapes[role];
  const fileKeys = Object.keys(shape.shape);
  const value = document.value ?? {};
  const parsedShape = shape.safeParse(value, { error: parseMessages });
  if (!parsedShape.success) {
    for (const problem of problemsFromIssues(
      parsedShape.error.issues,
      knownKeysIn(fileKeys, undefined),
    )) {
      problems.addAt(document, withFolderHint(problem, role));
    }
  }
  const raw = AnyObject.safeParse(value).data ?? {};
  const scenarios = ScenarioList.safeParse(raw.scenarios).data ?? [];
  if (role === "scenario-file" || raw.suite === undefined) return { scenarios };
  const parsedHeader = SuiteHeader.safeParse(raw.suite, { error: parseMessages });
  if (parsedHeader.success) return { header: parsedHeader.data, scenarios };
  const knownKeys = knownKeysIn(fileKeys, undefined);
  for (const problem of problemsFromIssues(parsedHeader.error.issues, knownKeys, ["suite"])) {
    problems.addAt(document, problem);
  }
  return { header: lenientHeader(raw.suite), scenarios };
}

function withFolderHint(
  problem: { path: readonly PropertyKey[]; message: string },
  role: SuiteFileRole,
) {
  if (role !== "scenario-file" || problem.path[0] !== "suite") return problem;
  return {
    path: problem.path,
    message:
      "suite: belongs in the suite.yaml at the top of the folder; this file holds only scenarios:",
  };
}

/**
 * A header good enough to check scenarios against when the real one has problems: its target kind if
 * that is readable. Its defaults name a stand-in command and module, so that scenarios are not also
 * blamed for lacking ones the broken defaults may have meant to give.
 */
function lenientHeader(raw: unknown): SuiteHeader | undefined {
  const fields = AnyObject.safeParse(raw).data ?? {};
  const target = TargetKind.safeParse(fields.target);
  if (!target.success) return undefined;
  const defaults = SuiteDefaults.safeParse(fields.defaults ?? {}).data ?? SuiteDefaults.parse({});
  return {
    name: "(invalid header)",
    version: "0",
    target: target.data,
    defaults: {
      ...defaults,
      command: defaults.command ?? ["(default)"],
      module: defaults.module ?? "(default)",
    },
  };
}

/** Validates each scenario of a file against the suite's kind; returns the valid ones. */
export function readScenarios(
  document: SourceDocument,
  scenarios: readonly unknown[],
  header: SuiteHeader,
  problems: ProblemList,
): LocatedScenario[] {
  const schema = scenarioSchemaFor(header);
  const knownKeys = knownKeysIn([], header.target);
  const located: LocatedScenario[] = [];
  for (const [index, raw] of scenarios.entries()) {
    const parsed = schema.safeParse(raw, { error: parseMessages });
    if (parsed.success) {
      located.push({ scenario: parsed.data, document, index });
      continue;
    }
    for (const problem of problemsFromIssues(parsed.error.issues, knownKeys, [
      "scenarios",
      index,
    ])) {
      problems.addAt(document, problem);
    }
  }
  return located;
}
