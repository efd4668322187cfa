/**
 * `header: { name, equals | contains | matches | present }`: a response header. Names are
 * case-insensitive (observed names are lower-case); with no check given, the header must be present.
 */

import type { z } from "zod";
import type { HttpObservation } from "../../contracts/observation.js";
import type { HeaderExpectation } from "../../contracts/scenario.js";
import { quote } from "../../scenarios/preview.js";
import { compilePattern } from "../../scenarios/text-pattern.js";

type Expectation = z.infer<typeof HeaderExpectation>;

export function checkHeader(
  expected: Expectation,
  observation: HttpObservation,
): string | undefined {
  const name = expected.name.toLowerCase();
  const value = Object.hasOwn(observation.headers, name) ? observation.headers[name] : undefined;
  if (expected.present === false) {
    return value === undefined ? undefined : `expected no header "${name}", got ${quote(value)}`;
  }
  if (value === undefined) {
    const names = Object.keys(observation.headers).join(", ") || "none";
    return `expected header "${name}", but the response has none (its headers: ${names})`;
  }
  if (expected.equals !== undefined && value !== expected.equals) {
    return `expected header "${name}" to equal ${quote(expected.equals)}, got ${quote(value)}`;
  }
  if (expected.contains !== undefined && !value.includes(expected.contains)) {
    return `expected header "${name}" to contain ${quote(expected.contains)}, got ${quote(value)}`;
  }
  if (expected.matches !== undefined) {
    const pattern = compilePattern(expected.matches);
    if (!pattern.ok) return `header "${name}": ${pattern.error}`;
    if (!pattern.value.test(value)) {
      return `expected header "${name}" to match /${expected.matches}/, got ${quote(value)}`;
    }
  }
  return undefined;
}
