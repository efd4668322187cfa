import { describe, expect, it } from "vitest";
import { functionObservation, httpObservation } from "../../../test/support/test-observations.js";
import { checkJsonSchema } from "./json-schema.js";

const todo = {
  type: "object",
  required: ["id", "title"],
  properties: {
    id: { type: "integer" },
    title: { type: "string", minLength: 1 },
    due: { format: "date" },
  },
};

describe("checkJsonSchema", () => {
  it("passes a body that matches", () => {
    expect(
      checkJsonSchema(todo, httpObservation({ body: { id: 1, title: "milk", due: "2025-02-01" } })),
    ).toBeUndefined();
  });

  it("names where the value breaks the schema", () => {
    expect(checkJsonSchema(todo, httpObservation({ body: { id: "1", title: "" } }))).toBe(
      "jsonSchema: body.id must be integer; body.title must NOT have fewer than 1 characters",
    );
    expect(checkJsonSchema(todo, functionObservation({ returned: { title: "x" } }))).toBe(
      "jsonSchema: returned must have required property 'id'",
    );
  });

  it("writes paths into arrays the way captures do", () => {
    const list = { type: "array", items: { type: "object", required: ["id"] } };
    expect(checkJsonSchema(list, httpObservation({ body: [{ id: 1 }, {}] }))).toBe(
      "jsonSchema: body[1] must have required property 'id'",
    );
  });

  it("uses formats", () => {
    expect(
      checkJsonSchema(todo, httpObservation({ body: { id: 1, title: "x", due: "soon" } })),
    ).toBe('jsonSchema: body.due must match format "date"');
  });

  it("reports a schema that does not compile as a failure", () => {
    expect(checkJsonSchema({ type: "strin" }, httpObservation())).toMatch(
      /^jsonSchema: invalid JSON schema: /,
    );
  });
});
