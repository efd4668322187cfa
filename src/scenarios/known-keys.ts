/**
 * The keys each object of a suite file may have, found from where it sits (`suite`, `scenarios[2]`,
 * `…steps[0].request`), so an unknown key gets a "did you mean" from the contract's own schemas.
 */
import {
  HeaderExpectation,
  Scenario,
  SuiteDefaults,
  SuiteHeader,
  type TargetKind,
  ThrowsExpectation,
} from "../contracts/scenario.js";
import { actionSchemas, stepSchemas } from "./step-shape.js";
import type { KnownKeys } from "./zod-problems.js";

export function knownKeysIn(fileKeys: readonly string[], kind: TargetKind | undefined): KnownKeys {
  return (path) => {
    const [first] = path;
    const last = path.at(-1);
    const beforeLast = path.at(-2);
    if (path.length === 0) return fileKeys;
    if (path.length === 1 && first === "suite") return Object.keys(SuiteHeader.shape);
    if (path.length === 2 && first === "suite" && last === "defaults") {
      return Object.keys(SuiteDefaults.shape);
    }
    if (path.length === 2 && first === "scenarios") return Object.keys(Scenario.shape);
    if (beforeLast === "steps" && typeof last === "number" && kind) {
      return Object.keys(stepSchemas[kind].shape);
    }
    if (
      typeof beforeLast === "number" &&
      (last === "request" || last === "run" || last === "call")
    ) {
      return Object.keys(actionSchemas[last].shape);
    }
    if (path.at(-3) === "expect" && last === "header") return Object.keys(HeaderExpectation.shape);
    if (path.at(-3) === "expect" && last === "throws") return Object.keys(ThrowsExpectation.shape);
    return undefined;
  };
}
