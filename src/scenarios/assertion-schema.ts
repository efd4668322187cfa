/**
 * The assertions a step of one target kind may have, validated for what a person means: one key per
 * assertion, a known name, one that applies to the kind (`status` is not for a command), and patterns,
 * expressions and JSON schemas that compile — all before any trial runs.
 */
import { z } from "zod";
import { Assertion, type TargetKind } from "../contracts/scenario.js";
import { assertionNames, assertionNamesByKind } from "./assertion-names.js";
import { compileViewExpression } from "./expression.js";
import { compileJsonSchema } from "./json-schema.js";
import { findPlaceholders } from "./template.js";
import { compilePattern } from "./text-pattern.js";
import { closestName } from "./zod-problems.js";

export function assertionSchemaFor(kind: TargetKind) {
  return z
    .unknown()
    .superRefine((value, context) => {
      const problem = assertionShapeProblem(kind, value);
      if (problem) context.addIssue({ code: "custom", ...problem });
    })
    .pipe(Assertion.superRefine(checkCompiles));
}

function assertionShapeProblem(
  kind: TargetKind,
  value: unknown,
): { message: string; path: string[] } | undefined {
  const applicable = assertionNamesByKind[kind];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      message: `an assertion is an object with one key, one of ${applicable.join(", ")}`,
      path: [],
    };
  }
  const keys = Object.keys(value);
  const [name] = keys;
  if (name === undefined)
    return { message: `an assertion names one of ${applicable.join(", ")}`, path: [] };
  if (keys.length > 1) {
    return {
      message: `an assertion has one key; write ${keys.join(", ")} as separate list items`,
      path: [],
    };
  }
  if (!assertionNames.includes(name)) {
    const closest = closestName(name, applicable);
    const hint = closest
      ? `did you mean "${closest}"?`
      : `a ${kind} step's assertions are ${applicable.join(", ")}`;
    return { message: `unknown assertion "${name}"; ${hint}`, path: [name] };
  }
  if (!applicable.includes(name)) {
    return {
      message: `"${name}" does not apply to a ${kind} step; a ${kind} step's assertions are ${applicable.join(", ")}`,
      path: [name],
    };
  }
  return undefined;
}

function checkCompiles(assertion: Assertion, context: z.RefinementCtx): void {
  // With a placeholder in it, what compiles is only known once the runner has rendered it.
  if (findPlaceholders(assertion).length > 0) return;
  const report = (path: string[], compiled: { ok: true } | { ok: false; error: string }) => {
    if (!compiled.ok) context.addIssue({ code: "custom", message: compiled.error, path });
  };
  if ("matches" in assertion) report(["matches"], compilePattern(assertion.matches));
  if ("stdoutMatches" in assertion)
    report(["stdoutMatches"], compilePattern(assertion.stdoutMatches));
  if ("stderrMatches" in assertion)
    report(["stderrMatches"], compilePattern(assertion.stderrMatches));
  if ("header" in assertion && assertion.header.matches !== undefined) {
    report(["header", "matches"], compilePattern(assertion.header.matches));
  }
  if (
    "throws" in assertion &&
    assertion.throws !== true &&
    assertion.throws.message !== undefined
  ) {
    report(["throws", "message"], compilePattern(assertion.throws.message));
  }
  if ("expression" in assertion)
    report(["expression"], compileViewExpression(assertion.expression));
  if ("jsonSchema" in assertion) report(["jsonSchema"], compileJsonSchema(assertion.jsonSchema));
}
