/**
 * Schema violations in a YAML block of the spec as problems with the line in the Markdown file and the
 * field from the spec's root (`model.entities.todo.fields.title.maxLength`): one problem per unknown key,
 * on the key's own line, and a union's failure told by the alternative that was meant.
 */
import type { z } from "zod";
import { fieldPath, type InputProblem } from "../contracts/invalid-input.js";

/** Where a block's values are: the field prefix and the line in the file of a path inside the block. */
export interface BlockPlace {
  prefix: readonly PropertyKey[];
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** "required" reads better than "expected string, received undefined". */
export const schemaMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.input !== undefined || issue.code !== "invalid_type") return undefined;
  return issue.expected === "nonoptional" ? "required" : `required (${issue.expected})`;
};

export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  place: BlockPlace,
  base: readonly PropertyKey[] = [],
): InputProblem[] {
  return issues.flatMap((issue): InputProblem[] => {
    const path = [...base, ...issue.path];
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => problemAt(place, [...path, key], `unknown key "${key}"`));
    if (issue.code === "invalid_union") return unionProblems(issue, place, path);
    return [problemAt(place, path, issue.message)];
  });
}

export function problemAt(
  place: BlockPlace,
  path: readonly PropertyKey[],
  message: string,
): InputProblem {
  return { line: place.lineOf(path), field: fieldPath([...place.prefix, ...path]), message };
}

/**
 * A union fails in every branch. A branch that got past the value's type is the one meant (an object
 * where a field is an object or a type name); among several, the one with the fewest issues. When every
 * branch failed on the value itself, a branch whose type matched says which values it takes.
 */
function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion,
  place: BlockPlace,
  path: readonly PropertyKey[],
): InputProblem[] {
  const candidates = issue.errors.filter((branch) => !branch.every(failsOnValue));
  const fewest = Math.min(...candidates.map((branch) => branch.length));
  const closest = candidates.filter((branch) => branch.length === fewest);
  const [meant] = closest;
  if (closest.length === 1 && meant !== undefined) return schemaProblems(meant, place, path);
  if (closest.length > 1) return [problemAt(place, path, "matches none of the accepted forms")];
  const rootIssues = issue.errors.flat();
  const wrongValue = rootIssues.find((inner) => inner.code === "invalid_value");
  if (wrongValue !== undefined) return [problemAt(place, path, wrongValue.message)];
  const expected = [
    ...new Set(
      rootIssues.flatMap((inner) => (inner.code === "invalid_type" ? [inner.expected] : [])),
    ),
  ];
  const message = expected.length === 0 ? issue.message : `expected ${expected.join(" or ")}`;
  return [problemAt(place, path, message)];
}

/** An issue with the value itself rather than with something inside it. */
function failsOnValue(issue: z.core.$ZodIssue): boolean {
  return (
    issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value")
  );
}
