import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { cliTextValidity } from "./cli-value-validity.js";

const precision = FieldDefinition.parse({ type: "integer", min: 0, max: 6 });
const value = FieldDefinition.parse({ type: "number", min: -1000, max: 1000 });
const unit = FieldDefinition.parse({ type: "string", enum: ["celsius", "kelvin"] });
const level = FieldDefinition.parse({ type: "integer", enum: [1, 2, 3] });
const name = FieldDefinition.parse({ type: "string", maxLength: 5 });
const count = FieldDefinition.parse({ type: "integer", min: 0 });

describe("cliTextValidity", () => {
  it("reads a plainly written number as that number and checks its constraints", () => {
    expect(cliTextValidity(precision, "6")).toBe("valid");
    expect(cliTextValidity(precision, "7")).toBe("invalid");
    expect(cliTextValidity(precision, "-1")).toBe("invalid");
    expect(cliTextValidity(precision, "2.5")).toBe("invalid");
    expect(cliTextValidity(value, "-999.5")).toBe("valid");
    expect(cliTextValidity(value, "1000.0000000001")).toBe("invalid");
  });

  it("refuses text that is no number at all", () => {
    for (const text of ["", " ", "abc", "12abc", "NaN", "; id", "--help"]) {
      expect(cliTextValidity(value, text)).toBe("invalid");
    }
  });

  it("leaves alone the forms reasonable parsers read differently", () => {
    for (const text of ["1e2", "0x10", " 3", "+3", "007", "3.0", "Infinity"]) {
      expect(cliTextValidity(count, text)).toBe("ambiguous");
    }
    // Out of range however it is read: a JSON number with an exponent.
    expect(cliTextValidity(precision, "1e+308")).toBe("invalid");
  });

  it("matches enum values exactly, case included", () => {
    expect(cliTextValidity(unit, "kelvin")).toBe("valid");
    expect(cliTextValidity(unit, "KELVIN")).toBe("invalid");
    expect(cliTextValidity(level, "2")).toBe("valid");
    expect(cliTextValidity(level, "4")).toBe("invalid");
  });

  it("checks text as text", () => {
    expect(cliTextValidity(name, "-x")).toBe("valid");
    expect(cliTextValidity(name, "toolong")).toBe("invalid");
    expect(cliTextValidity(name, "a\u0000")).toBe("ambiguous");
  });
});
