import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { compileJsonSchema } from "../json-schema.js";
import { renderTemplate } from "../template.js";
import { returnsSchema } from "./library-returns-schema.js";

/** Whether a returned value passes the `jsonSchema` assertion made from `returns`. */
function accepts(returns: unknown, value: unknown): boolean {
  const schema = renderTemplate(returnsSchema(FieldDefinition.parse(returns)), {});
  const compiled = compileJsonSchema(schema as Record<string, unknown>);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.value(value);
}

describe("returnsSchema", () => {
  it("checks the type and the bounds of a number", () => {
    const percent = { type: "integer", min: 0, max: 100 };
    expect(accepts(percent, 100)).toBe(true);
    expect(accepts(percent, 101)).toBe(false);
    expect(accepts(percent, 2.5)).toBe(false);
    expect(accepts(percent, "5")).toBe(false);
    expect(accepts("number", 2.5)).toBe(true);
    expect(accepts("boolean", 0)).toBe(false);
  });

  it("checks lengths in code points and the pattern against the whole value", () => {
    const slug = { type: "string", maxLength: 3, pattern: "[a-z]+" };
    expect(accepts(slug, "abc")).toBe(true);
    expect(accepts(slug, "abcd")).toBe(false);
    expect(accepts(slug, "ab1")).toBe(false);
    expect(accepts({ type: "string", maxLength: 2 }, "😀😀")).toBe(true);
  });

  it("checks enum members, calendar dates and email addresses", () => {
    expect(accepts({ type: "string", enum: ["a", "{{b}}"] }, "{{b}}")).toBe(true);
    expect(accepts({ type: "string", enum: ["a"] }, "b")).toBe(false);
    expect(accepts("date", "2024-02-29")).toBe(true);
    expect(accepts("date", "2023-02-29")).toBe(false);
    expect(accepts("email", "a@example.com")).toBe(true);
    expect(accepts("email", "a@example")).toBe(false);
  });

  it("keeps a {{ in a pattern literal through the runner's templates", () => {
    expect(accepts({ type: "string", pattern: "\\{{2}x" }, "{{x")).toBe(true);
    expect(accepts({ type: "string", pattern: "\\{{2}x" }, "{x")).toBe(false);
  });
});
