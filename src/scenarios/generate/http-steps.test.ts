import { describe, expect, it } from "vitest";
import {
  present,
  rendered,
  schemaProblems,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { HttpContext } from "./http-context.js";
import { createStep, errorBody, idPart, readBackStep, recordPath, scenario } from "./http-steps.js";
import { tokenStandIn } from "./unique-values.js";

const context = new HttpContext(todoModel, 1);
const todo = present(context.entities[0], "the todo entity");

describe("http steps", () => {
  it("creates with escaped values, expects the stored record and captures it", () => {
    const body = { title: `{{7*7}} ${tokenStandIn}` };
    const step = createStep(todoModel, todo, body, { ...body, done: false });
    expect(rendered(step.request.json)).toEqual({ title: "{{7*7}} abcde12345" });
    expect(step.capture).toEqual({ created: "body" });
    expect(step.expect).toContainEqual({ status: 201 });
    expect(rendered(step.expect.find((assertion) => "jsonSubset" in assertion))).toEqual({
      jsonSubset: { title: "{{7*7}} abcde12345", done: false },
    });
  });

  it("reads back exactly what was captured", () => {
    const step = readBackStep(todoModel, todo, "created");
    expect(step.request.path).toBe("/todos/{{ created.id }}");
    expect(rendered(step.expect[2], { created: { id: 4, title: "x" } })).toEqual({
      json: { id: 4, title: "x" },
    });
    expect(recordPath(todoModel, todo, "first")).toBe("/todos/{{ first.id }}");
  });

  it("describes an error body by its message field", () => {
    expect(errorBody(todoModel)).toEqual({
      jsonSchema: {
        type: "object",
        required: ["error"],
        properties: { error: { type: "string" } },
      },
    });
  });

  it("builds scenarios the suite loader accepts, with safe id parts", () => {
    const built = scenario({
      id: `normal/todo/${idPart("a b/c")}`,
      category: "normal",
      title: "t",
      tags: [],
      steps: [
        createStep(todoModel, todo, { title: "x" }, { title: "x" }),
        readBackStep(todoModel, todo, "created"),
      ],
    });
    expect(built.id).toBe("normal/todo/a-b-c");
    expect(schemaProblems([built])).toEqual([]);
  });
});
