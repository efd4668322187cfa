/**
 * The names of the assertions and the kinds of step each applies to: `status` means nothing to a
 * command, `exitCode` nothing to a function. The loader rejects an assertion a step cannot have, with the
 * list of those it can.
 */
import { Assertion, type TargetKind } from "../contracts/scenario.js";

// Distributes over the union: the key of each kind of assertion.
type KeyOfEach<T> = T extends unknown ? keyof T : never;
export type AssertionName = KeyOfEach<Assertion>;

/** Every assertion name, in the order of the contract. */
export const assertionNames: readonly string[] = Assertion.options.flatMap((option) =>
  Object.keys(option.shape),
);

const everyKind = [
  "matches",
  "contains",
  "notContains",
  "latencyUnderMs",
  "expression",
  "predicate",
  "llmJudge",
];

export const assertionNamesByKind: Readonly<Record<TargetKind, readonly string[]>> = {
  http: ["status", "header", "json", "jsonSubset", "jsonSchema", ...everyKind],
  cli: [
    "exitCode",
    "stdoutMatches",
    "stdoutContains",
    "stderrMatches",
    "stderrContains",
    ...everyKind,
  ],
  function: ["json", "jsonSubset", "jsonSchema", "throws", ...everyKind],
};

/** The one key of an assertion: `{ status: 201 }` → `status`. */
export function assertionName(assertion: Assertion): AssertionName {
  const [name] = Object.keys(assertion);
  return name as AssertionName;
}
