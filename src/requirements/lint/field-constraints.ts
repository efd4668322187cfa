/**
 * The `unconstrained-field` rule: a field a client gives with nothing that bounds it. A string needs a
 * `maxLength`, a `pattern` or an `enum` (a `minLength` alone still lets a megabyte through); a number
 * needs a `min` or a `max` (or an `enum`). Without them the builder guesses the limits and the
 * generators have no edge to test. Read-only fields are set by the service and are left alone.
 */
import type { LintFinding } from "../../contracts/lint.js";
import type { Spec } from "../../contracts/spec.js";
import { modelFields } from "./model-fields.js";
import type { SpecText } from "./spec-text.js";

export function unconstrainedFields(spec: Spec, text: SpecText): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { name, place, path, field } of modelFields(spec.model)) {
    if (field.readOnly || field.enum !== undefined) continue;
    const line = text.modelLineOf(path);
    if (field.type === "string" && field.maxLength === undefined && field.pattern === undefined) {
      findings.push({
        rule: "unconstrained-field",
        severity: "warning",
        line,
        text: name,
        message: `${place} is a string with no maxLength, pattern or enum: any text, of any length, is valid`,
        suggestion: `add a bound: e.g. \`${name}: { type: string, maxLength: 200 }\`, a pattern, or an enum`,
      });
    }
    if (
      (field.type === "integer" || field.type === "number") &&
      field.min === undefined &&
      field.max === undefined
    ) {
      findings.push({
        rule: "unconstrained-field",
        severity: "warning",
        line,
        text: name,
        message: `${place} is a number with no min or max: negative, zero and huge values are all valid`,
        suggestion: `add the range: e.g. \`${name}: { type: ${field.type}, min: 0, max: 1000 }\``,
      });
    }
  }
  return findings;
}
