/**
 * Zod issues turned into problems a person fixes in the file: one problem per unknown key (with the key
 * in the field, so the line is the key's), "did you mean" for typos, and a union's alternatives spelled
 * out instead of "Invalid input".
 */
import type { z } from "zod";

export interface LocatedProblem {
  /** Where in the file's value: `["scenarios", 2, "steps", 0, "request", "method"]`. */
  path: readonly PropertyKey[];
  message: string;
}

/** The keys an object at `path` may have, when known, for "did you mean". */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[] | undefined;

/** Per-parse messages: "required" reads better than "expected string, received undefined". */
export const parseMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.input !== undefined) return undefined;
  if (issue.code === "invalid_type") {
    return issue.expected === "nonoptional" ? "required" : `required (${issue.expected})`;
  }
  if (issue.code === "invalid_union") {
    const alternatives = unionAlternatives(issue.errors);
    return alternatives === undefined ? "required" : `required (${alternatives})`;
  }
  return undefined;
};

export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: KnownKeys,
  prefix: readonly PropertyKey[] = [],
): LocatedProblem[] {
  return issues.flatMap((issue): LocatedProblem[] => {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => ({
          path: [...path, key],
          message: unknownKeyMessage(key, knownKeys(path)),
        }));
      case "invalid_key":
        return [{ path, message: issue.issues[0]?.message ?? issue.message }];
      case "invalid_union":
        return [{ path, message: unionMessage(issue) }];
      default:
        return [{ path, message: issue.message }];
    }
  });
}

export function unknownKeyMessage(key: string, known: readonly string[] | undefined): string {
  if (known === undefined) return `unknown key "${key}"`;
  const closest = closestName(key, known);
  if (closest !== undefined) return `unknown key "${key}"; did you mean "${closest}"?`;
  return `unknown key "${key}"; the keys here are ${known.join(", ")}`;
}

/** The known name within a small edit distance of a typo, if there is one. */
export function closestName(typo: string, known: readonly string[]): string | undefined {
  const allowed = Math.max(1, Math.floor(typo.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(typo.toLowerCase(), name.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance))
      best = { name, distance };
  }
  return best?.name;
}

/** Edits between two words, a swap of neighbours counting as one (`titel` is one edit from `title`). */
function editDistance(left: string, right: string): number {
  const rows: number[][] = [Array.from({ length: right.length + 1 }, (_, column) => column)];
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(
        (rows[row - 1]?.[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (rows[row - 1]?.[column - 1] ?? 0) + cost,
      );
      const swapped = left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1];
      if (row > 1 && column > 1 && swapped)
        best = Math.min(best, (rows[row - 2]?.[column - 2] ?? 0) + 1);
      current.push(best);
    }
    rows.push(current);
  }
  return rows[left.length]?.[right.length] ?? 0;
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  if (issue.message.startsWith("required")) return issue.message;
  const alternatives = unionAlternatives(issue.errors);
  return alternatives === undefined ? issue.message : `expected ${alternatives}`;
}

/** `string or number`: the types the branches of a union expected, when each failed on its type. */
function unionAlternatives(branches: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
  const expected = new Set<string>();
  for (const [first] of branches) {
    if (first?.code === "invalid_type" && first.path.length === 0) expected.add(first.expected);
  }
  return expected.size === 0 ? undefined : [...expected].join(" or ");
}
