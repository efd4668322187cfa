/**
 * Both sides of each bound of a field, as pairs: the value just past it (refused) and the value at it
 * (accepted) — one above the maximum and the maximum, one character more than maxLength and maxLength,
 * a near miss of the pattern and a match, a value not listed and a listed one, 29 February of a common
 * year and of a leap year. A suite that sends both sides of a bound, at more than one place, catches a
 * missing check, a flipped comparison and a bound off by one alike.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { type BoundaryCase, boundaryCases } from "./boundary-cases.js";

export interface BoundaryPair {
  /** Which bound, usable in a scenario id: `max`, `max-length`, `pattern`, `enum`… */
  bound: string;
  /** Just past the bound: the conventions refuse it. */
  refused: BoundaryCase;
  /** At the bound: the conventions accept it. */
  accepted: BoundaryCase;
}

/** Each bound: the labels of its refused side (the first present wins) and of its accepted side. */
const bounds: readonly [bound: string, refused: readonly string[], accepted: string][] = [
  ["max", ["above-max"], "max"],
  ["min", ["below-min"], "min"],
  ["max-length", ["longest-plus-one"], "longest"],
  // With minLength 1 the value one character short is the empty string, labelled `empty`.
  ["min-length", ["shortest-minus-one", "empty"], "shortest"],
  ["pattern", ["pattern-near-miss"], "pattern-match"],
  ["enum", ["not-in-enum"], "enum-"],
  ["calendar", ["not-a-leap-day"], "leap-day"],
  ["email", ["no-top-level-domain"], "subdomain"],
];

/** The bounds of a field with both sides, in a stable order (upper bounds first). */
export function boundaryPairs(field: FieldDefinition): BoundaryPair[] {
  const cases = boundaryCases(field, { required: false });
  const labelled = (label: string) =>
    label.endsWith("-")
      ? cases.find((entry) => entry.label.startsWith(label) && entry.valid)
      : cases.find((entry) => entry.label === label);
  const pairs: BoundaryPair[] = [];
  for (const [bound, refusedLabels, acceptedLabel] of bounds) {
    const refused = refusedLabels.map(labelled).find((entry) => entry !== undefined);
    const accepted = labelled(acceptedLabel);
    if (refused === undefined || accepted === undefined) continue;
    if (refused.valid || !accepted.valid) continue;
    pairs.push({ bound, refused, accepted });
  }
  return pairs;
}

/** The labels of the cases some pair of the field sends: a list of single cases can leave them out. */
export function pairedLabels(field: FieldDefinition): Set<string> {
  return new Set(boundaryPairs(field).flatMap((pair) => [pair.refused.label, pair.accepted.label]));
}
