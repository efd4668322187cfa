/**
 * All the problems of a suite at once, across its files: each names its file, line and field, so a
 * person (or the agent that generated the suite) fixes them in one pass instead of one per run.
 */
import { type InputProblem, InvalidInputError } from "../contracts/invalid-input.js";

export interface SuiteProblem extends InputProblem {
  /** The file as shown to the user, e.g. `suites/todo/crud.yaml`. */
  file: string;
}

const shownProblems = 20;

export class InvalidSuiteError extends InvalidInputError {
  declare readonly problems: readonly SuiteProblem[];

  constructor(suitePath: string, problems: readonly SuiteProblem[]) {
    super(problems[0]?.file ?? suitePath, problems);
    this.name = "InvalidSuiteError";
    // The base class formats every problem against one file; a suite's problems name their own.
    this.message = formatSuiteProblems(problems);
  }
}

export function formatSuiteProblems(problems: readonly SuiteProblem[]): string {
  const lines = problems.slice(0, shownProblems).map((problem) => {
    const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
    return `${where}: field "${problem.field}": ${problem.message}`;
  });
  if (problems.length > shownProblems) {
    lines.push(`…and ${problems.length - shownProblems} more problems`);
  }
  return lines.join("\n");
}
