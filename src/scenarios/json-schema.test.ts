import { describe, expect, it } from "vitest";
import { compileJsonSchema } from "./json-schema.js";

const todo = {
  type: "object",
  required: ["id", "title"],
  properties: { id: { type: "integer" }, title: { type: "string" }, due: { format: "date" } },
};

describe("compileJsonSchema", () => {
  it("validates with formats", () => {
    const compiled = compileJsonSchema(todo);
    if (!compiled.ok) throw new Error(compiled.error);
    expect(compiled.value({ id: 1, title: "milk", due: "2025-01-31" })).toBe(true);
    expect(compiled.value({ id: 1, title: "milk", due: "31/01/2025" })).toBe(false);
  });

  it("compiles each schema once", () => {
    expect(compileJsonSchema({ ...todo })).toBe(compileJsonSchema(todo));
  });

  it("says what is wrong with a schema that does not compile", () => {
    const compiled = compileJsonSchema({ type: "strin" });
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.error).toMatch(/^invalid JSON schema: schema is invalid/);
  });

  it("tolerates keywords of other tools", () => {
    expect(compileJsonSchema({ type: "string", example: "x" }).ok).toBe(true);
  });
});
