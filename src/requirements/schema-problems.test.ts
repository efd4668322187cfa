import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FieldDefinition } from "../contracts/spec.js";
import { schemaMessages, schemaProblems } from "./schema-problems.js";

const place = { prefix: ["model"], lineOf: (path: readonly PropertyKey[]) => 10 + path.length };

function problems(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value, { error: schemaMessages });
  if (parsed.success) return [];
  return schemaProblems(parsed.error.issues, place);
}

describe("schemaProblems", () => {
  it("prefixes the field and asks the block for the line", () => {
    const schema = z.strictObject({ size: z.strictObject({ max: z.int() }) });
    expect(problems(schema, { size: { max: "big" } })).toEqual([
      {
        line: 12,
        field: "model.size.max",
        message: "Invalid input: expected number, received string",
      },
    ]);
  });

  it("reports each unknown key on the key's own line", () => {
    const schema = z.strictObject({ name: z.string() });
    expect(problems(schema, { name: "a", colour: 1, shape: 2 })).toEqual([
      { line: 11, field: "model.colour", message: 'unknown key "colour"' },
      { line: 11, field: "model.shape", message: 'unknown key "shape"' },
    ]);
  });

  it("says required for a missing key", () => {
    expect(problems(z.strictObject({ name: z.string() }), {})).toEqual([
      { line: 11, field: "model.name", message: "required (string)" },
    ]);
  });

  it("tells a union's failure by the branch that was meant", () => {
    const wrapped = z.strictObject({ title: FieldDefinition });
    expect(problems(wrapped, { title: "strin" })).toEqual([
      {
        line: 11,
        field: "model.title",
        message: expect.stringContaining('expected one of "string"'),
      },
    ]);
    expect(problems(wrapped, { title: { type: "string", maxLen: 3 } })).toEqual([
      { line: 12, field: "model.title.maxLen", message: 'unknown key "maxLen"' },
    ]);
    expect(
      problems(z.strictObject({ value: z.union([z.string(), z.int()]) }), { value: true }),
    ).toEqual([{ line: 11, field: "model.value", message: "expected string or number" }]);
  });

  it("says so when several branches fit equally badly", () => {
    const schema = z.union([z.strictObject({ a: z.int() }), z.strictObject({ b: z.int() })]);
    expect(problems(schema, { c: 1 })).toEqual([
      { line: 10, field: "model", message: "matches none of the accepted forms" },
    ]);
  });
});
