import { describe, expect, it } from "vitest";
import { fieldsFromSchema, pointerTo } from "./openapi-fields.js";

describe("pointerTo", () => {
  it("escapes ~ and / as JSON pointers require", () => {
    expect(pointerTo("paths", "/todos/{id}", "get")).toBe("#/paths/~1todos~1{id}/get");
    expect(pointerTo("a~b")).toBe("#/a~0b");
  });
});

describe("fieldsFromSchema", () => {
  it("maps scalar properties and their constraints to fields", () => {
    const reading = fieldsFromSchema(
      {
        type: "object",
        required: ["title", "createdAt"],
        properties: {
          id: { type: "integer", readOnly: true },
          title: {
            type: "string",
            minLength: 1,
            maxLength: 9,
            pattern: "^[a-z]+$",
            description: "t",
          },
          born: { type: "string", format: "date" },
          mail: { type: "string", format: "email" },
          uuid: { type: "string", format: "uuid" },
          rank: { type: "number", minimum: 0, maximum: 1, default: 0.5 },
          size: { type: "integer", enum: [1, 2] },
          done: { type: "boolean" },
          createdAt: { type: "string", readOnly: true },
        },
      },
      "#/s",
      ["id"],
    );
    expect(reading.problems).toEqual([]);
    expect(reading.fields).toEqual({
      title: {
        type: "string",
        required: true,
        minLength: 1,
        maxLength: 9,
        pattern: "^[a-z]+$",
        description: "t",
      },
      born: { type: "date" },
      mail: { type: "email" },
      uuid: { type: "string" },
      rank: { type: "number", min: 0, max: 1, default: 0.5 },
      size: { type: "integer", enum: [1, 2] },
      done: { type: "boolean" },
      createdAt: { type: "string", readOnly: true },
    });
  });

  it("reports each unsupported construct with its pointer", () => {
    const reading = fieldsFromSchema(
      {
        type: "object",
        properties: {
          "a/b": { type: "object", properties: {} },
          tags: { type: "array", items: { type: "string" } },
          either: { anyOf: [{ type: "string" }] },
          maybe: { type: "string", nullable: true },
          odd: { type: "integer", multipleOf: 2 },
          untyped: {},
          external: { $ref: "other.yaml#/X" },
          fine: { type: "string" },
        },
      },
      "#/s",
    );
    expect(reading.fields).toEqual({ fine: { type: "string" } });
    expect(reading.problems).toEqual([
      { pointer: "#/s/properties/a~1b", message: expect.stringContaining("nested objects") },
      { pointer: "#/s/properties/tags", message: expect.stringContaining("arrays") },
      { pointer: "#/s/properties/either/anyOf", message: expect.stringContaining("anyOf") },
      { pointer: "#/s/properties/maybe/nullable", message: expect.stringContaining("null") },
      { pointer: "#/s/properties/odd/multipleOf", message: "multipleOf is not supported" },
      { pointer: "#/s/properties/untyped", message: expect.stringContaining("needs a type") },
      { pointer: "#/s/properties/external", message: expect.stringContaining("other.yaml#/X") },
    ]);
  });

  it("refuses a schema that is not an object of properties", () => {
    expect(fieldsFromSchema({ type: "array" }, "#/s").problems).toEqual([
      { pointer: "#/s", message: 'an object schema is expected here, not "array"' },
    ]);
    expect(fieldsFromSchema({ type: "object" }, "#/s").problems).toEqual([
      { pointer: "#/s", message: "an object schema with properties is expected here" },
    ]);
  });
});
