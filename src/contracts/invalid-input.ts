/**
 * Turning schema violations into errors a person can fix: each problem names the file, the line and the
 * field at fault, and what was expected.
 */
import type { z } from "zod";
import { ShopfloorError } from "./errors.js";

export interface InputProblem {
  line?: number;
  field: string;
  message: string;
}

export class InvalidInputError extends ShopfloorError {
  readonly problems: readonly InputProblem[];

  constructor(source: string, problems: readonly InputProblem[]) {
    const first = problems[0];
    super("invalid-input", formatProblems(source, problems), {
      path: source,
      line: first?.line,
      field: first?.field,
    });
    this.name = "InvalidInputError";
    this.problems = problems;
  }
}

/** The dotted path of a zod issue, e.g. `categories.normal.threshold` or `items[2].id`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "(the whole value)" : text;
}

export function problemsFromZod(
  error: z.ZodError,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): InputProblem[] {
  return error.issues.map((issue) => ({
    line: lineOf?.(issue.path),
    field: fieldPath(issue.path),
    message: issue.message,
  }));
}

const shownProblems = 10;

function formatProblems(source: string, problems: readonly InputProblem[]): string {
  const lines = problems.slice(0, shownProblems).map((problem) => {
    const where = problem.line === undefined ? source : `${source}:${problem.line}`;
    return `${where}: field "${problem.field}": ${problem.message}`;
  });
  if (problems.length > shownProblems) {
    lines.push(`…and ${problems.length - shownProblems} more problems`);
  }
  return lines.join("\n");
}
