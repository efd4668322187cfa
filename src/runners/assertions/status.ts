/** `status: 201`, `status: [200, 204]`, `status: "4xx"`: the response's status code. */

import type { HttpObservation } from "../../contracts/observation.js";
import type { Assertion } from "../../contracts/scenario.js";
import { quote } from "../../scenarios/preview.js";

type StatusExpectation = Extract<Assertion, { status: unknown }>["status"];

export function checkStatus(
  expected: StatusExpectation,
  observation: HttpObservation,
): string | undefined {
  const actual = observation.status;
  if (statusMatches(expected, actual)) return undefined;
  // The start of the body usually says why (an error message), which is what a person acts on.
  const body = observation.bodyText === "" ? "" : `; body: ${quote(observation.bodyText)}`;
  return `expected status ${describeExpected(expected)}, got ${actual}${body}`;
}

function statusMatches(expected: StatusExpectation, actual: number): boolean {
  if (typeof expected === "number") return actual === expected;
  if (Array.isArray(expected)) return expected.includes(actual);
  return Math.floor(actual / 100) === Number(expected[0]);
}

function describeExpected(expected: StatusExpectation): string {
  if (typeof expected === "number") return String(expected);
  if (Array.isArray(expected)) return expected.join(" or ");
  return `in ${expected}`;
}
