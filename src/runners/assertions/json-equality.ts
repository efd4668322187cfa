/**
 * `json:` (deep equality) and `jsonSubset:` (every given key, recursively) against the JSON body or the
 * return value. The message names the first difference by its path, with both values cut short.
 */

import type { FunctionObservation, HttpObservation } from "../../contracts/observation.js";
import { preview } from "../../scenarios/preview.js";
import {
  type Comparison,
  type Difference,
  differencePath,
  firstDifference,
} from "./first-difference.js";
import { jsonSubject } from "./json-subject.js";

export function checkJson(
  expected: unknown,
  observation: HttpObservation | FunctionObservation,
  comparison: Comparison,
): string | undefined {
  const subject = jsonSubject(observation);
  if (!subject.ok) return subject.reason;
  const difference = firstDifference(expected, subject.value, comparison);
  if (difference === undefined) return undefined;
  const assertion = comparison === "equal" ? "json" : "jsonSubset";
  return `${assertion}: ${describeDifference(subject.name, difference)}`;
}

function describeDifference(root: string, difference: Difference): string {
  const at = differencePath(root, difference.path);
  switch (difference.kind) {
    case "value":
      return `at ${at}: expected ${preview(difference.expected)}, got ${preview(difference.actual)}`;
    case "missing-key":
      return `at ${at}: missing key "${difference.key}" (expected ${preview(difference.expected)})`;
    case "unexpected-key":
      return `at ${at}: unexpected key "${difference.key}" (${preview(difference.actual)})`;
    case "length":
      return `at ${at}: expected ${difference.expected} elements, got ${difference.actual}`;
  }
}
