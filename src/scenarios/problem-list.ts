/** The problems of a suite as they are found, each resolved to its file, line and field. */
import { fieldPath } from "../contracts/invalid-input.js";
import type { SuiteProblem } from "./invalid-suite-error.js";
import type { SourceDocument } from "./source-document.js";
import type { LocatedProblem } from "./zod-problems.js";

export class ProblemList {
  readonly problems: SuiteProblem[] = [];

  /** A problem at a path inside a parsed file. */
  addAt(document: SourceDocument, problem: LocatedProblem): void {
    this.problems.push({
      file: document.file,
      line: document.lineOf(problem.path),
      field: fieldPath(problem.path),
      message: problem.message,
    });
  }

  add(problem: SuiteProblem): void {
    this.problems.push(problem);
  }

  /** The problems by file, in the order files were read, and by line within a file. */
  sorted(): SuiteProblem[] {
    const fileOrder = [...new Set(this.problems.map((problem) => problem.file))];
    return this.problems
      .map((problem, index) => ({ problem, index }))
      .sort(
        (left, right) =>
          fileOrder.indexOf(left.problem.file) - fileOrder.indexOf(right.problem.file) ||
          (left.problem.line ?? 0) - (right.problem.line ?? 0) ||
          left.index - right.index,
      )
      .map(({ problem }) => problem);
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }
}
