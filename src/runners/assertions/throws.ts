/**
 * `throws: true` or `throws: { name, message }`: the call must throw (or reject), with that error name
 * and a message matching that regular expression. The opposite rule, that a call which throws without a
 * `throws` assertion has failed, lives in the runner (run-trial.ts), which sees every step.
 */

import type { FunctionObservation } from "../../contracts/observation.js";
import type { Assertion } from "../../contracts/scenario.js";
import { preview, quote } from "../../scenarios/preview.js";
import { compilePattern } from "../../scenarios/text-pattern.js";

type ThrowsExpectation = Extract<Assertion, { throws: unknown }>["throws"];

export function checkThrows(
  expected: ThrowsExpectation,
  observation: FunctionObservation,
): string | undefined {
  const thrown = observation.threw;
  if (thrown === undefined) {
    return `expected the call to throw, but it returned ${preview(observation.returned)}`;
  }
  if (expected === true) return undefined;
  if (expected.name !== undefined && thrown.name !== expected.name) {
    return `expected the call to throw ${expected.name}, it threw ${thrown.name}: ${quote(thrown.message)}`;
  }
  if (expected.message !== undefined) {
    const pattern = compilePattern(expected.message);
    if (!pattern.ok) return `throws: ${pattern.error}`;
    if (!pattern.value.test(thrown.message)) {
      return `expected the error message to match /${expected.message}/, got ${quote(thrown.message)}`;
    }
  }
  return undefined;
}
