/**
 * The first place where two JSON values differ, for a message a person can act on: not "objects differ"
 * but `at body.items[0].done: expected false, got true`. Key order never matters. In subset mode, keys
 * the expected value does not name may exist; arrays must still have the same length, and their elements
 * are compared as subsets one by one.
 */
import { formatPath, type PathSegment } from "../../scenarios/value-path.js";

export type Difference =
  | { kind: "value"; path: PathSegment[]; expected: unknown; actual: unknown }
  | { kind: "missing-key"; path: PathSegment[]; key: string; expected: unknown }
  | { kind: "unexpected-key"; path: PathSegment[]; key: string; actual: unknown }
  | { kind: "length"; path: PathSegment[]; expected: number; actual: number };

export type Comparison = "equal" | "subset";

export function firstDifference(
  expected: unknown,
  actual: unknown,
  comparison: Comparison,
  path: PathSegment[] = [],
): Difference | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      return { kind: "length", path, expected: expected.length, actual: actual.length };
    }
    for (const [index, item] of expected.entries()) {
      const difference = firstDifference(item, actual[index], comparison, [...path, index]);
      if (difference) return difference;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual))
    return firstObjectDifference(expected, actual, comparison, path);
  if (expected === actual) return undefined;
  return { kind: "value", path, expected, actual };
}

function firstObjectDifference(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  comparison: Comparison,
  path: PathSegment[],
): Difference | undefined {
  for (const [key, value] of Object.entries(expected)) {
    if (!Object.hasOwn(actual, key)) return { kind: "missing-key", path, key, expected: value };
    const difference = firstDifference(value, actual[key], comparison, [...path, key]);
    if (difference) return difference;
  }
  if (comparison === "subset") return undefined;
  for (const [key, value] of Object.entries(actual)) {
    if (!Object.hasOwn(expected, key)) return { kind: "unexpected-key", path, key, actual: value };
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `body.items[0]`, or the root's name alone. */
export function differencePath(root: string, path: readonly PathSegment[]): string {
  return formatPath([root, ...path]);
}
