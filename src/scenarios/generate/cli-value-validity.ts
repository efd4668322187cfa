/**
 * Whether a word on a command line is a valid value of a field. On argv everything is text, so `"3"` is
 * the integer 3 (unlike in JSON); a number is valid when written as a plain decimal. Some texts are read
 * differently by reasonable parsers (`1e3`, `0x10`, ` 3`, `3.0` for an integer): the conventions do not
 * settle them, so they are "ambiguous" and the generators do not test them.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { isValidValue } from "./field-values.js";

export type CliValidity = "valid" | "invalid" | "ambiguous";

const jsonNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const plainInteger = /^-?(?:0|[1-9]\d*)$/;
const plainDecimal = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

export function cliTextValidity(field: FieldDefinition, text: string): CliValidity {
  if (text.includes("\u0000")) return "ambiguous";
  const numericEnum = field.enum?.some((value) => typeof value === "number") ?? false;
  if (field.type === "integer" || field.type === "number" || numericEnum) {
    return numberTextValidity(field, text);
  }
  if (field.type === "boolean") return booleanTextValidity(text);
  return isValidValue(field, text) ? "valid" : "invalid";
}

function numberTextValidity(field: FieldDefinition, text: string): CliValidity {
  if (jsonNumber.test(text)) {
    const value = Number(text);
    // A JSON number out of the field's range is refused by every reasonable parser; one in range is
    // only certainly accepted when written plainly (`1e2` may be refused where an integer is expected).
    if (!isValidValue(field, value)) return "invalid";
    const plain = field.type === "integer" ? plainInteger : plainDecimal;
    return plain.test(text) ? "valid" : "ambiguous";
  }
  if (text.trim() === "" || Number.isNaN(Number(text))) return "invalid";
  return "ambiguous";
}

function booleanTextValidity(text: string): CliValidity {
  if (text === "true" || text === "false") return "valid";
  return "ambiguous";
}
