/**
 * What the demo submits to the line: the three example specs, each with the scaffold agent's line-up
 * and the outcome the demo is there to show. The inventory service gets one injected fault on its first
 * attempt, which its holdout suite catches, so the gate sends it back with its feedback; the
 * command-line tool is beyond the scaffold, so it ends in the exception queue for a person.
 */
import type { LineUp } from "../../../contracts/index.js";

export interface DemoExample {
  name: string;
  /** Relative to the package root. */
  spec: string;
  lineUp: LineUp;
  /** What the demo expects of it, in a sentence. */
  story: string;
}

/**
 * The fault the inventory suite catches: the line seeds attempt N's injection with `seed + N`, so
 * attempt 1 gets seed 9 of `drop-validation`, which removes a validation of an action's input
 * (pinned by test/line/regeneration.test.ts).
 */
export const demoFaults = {
  probability: 1,
  seed: 8,
  attempts: [1],
  kinds: ["drop-validation"],
};

export const demoExamples: readonly DemoExample[] = [
  {
    name: "todo-api",
    spec: "examples/todo-api/spec.md",
    lineUp: { pattern: "single", agent: { agent: "scaffold" } },
    story: "a plain CRUD service: built, tested against its holdout suite, approved",
  },
  {
    name: "inventory-api",
    spec: "examples/inventory-api/spec.md",
    lineUp: { pattern: "single", agent: { agent: "scaffold", faults: demoFaults } },
    story:
      "business rules, and a fault injected into attempt 1: the gate sends it back with its feedback",
  },
  {
    name: "tempconv",
    spec: "examples/tempconv/spec.md",
    lineUp: { pattern: "single", agent: { agent: "scaffold" } },
    story: "a command-line tool the scaffold cannot build: it waits in the exception queue",
  },
];
