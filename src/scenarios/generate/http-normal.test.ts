import { describe, expect, it } from "vitest";
import {
  present,
  rendered,
  schemaProblems,
  stepOf,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";
import {
  createAndReadBack,
  healthScenario,
  pagedList,
  updateAndReadBack,
  wholeFlow,
} from "./http-normal.js";

const context = new HttpContext(todoModel, 2);
const todo = present(context.entities[0], "the todo entity");

describe("normal http scenarios", () => {
  it("creates a record, expects it stored with defaults, and reads it back", () => {
    const scenario = present(createAndReadBack(context, todo, 0), "a create scenario");
    const create = stepOf(scenario, 0);
    const sent = rendered(create.request.json) as Record<string, unknown>;
    const subset = create.expect.find((assertion) => "jsonSubset" in assertion);
    expect(rendered(subset)).toEqual({
      jsonSubset: { done: false, priority: 3, ...sent },
    });
    expect(stepOf(scenario, 1).request).toEqual({ method: "GET", path: "/todos/{{ created.id }}" });
    expect(scenario.tags).toEqual(
      expect.arrayContaining(["entity:todo", "operation:create", "aspect:round-trip"]),
    );
  });

  it("goes through every operation, ending with the deleted record not found", () => {
    const scenario = present(wholeFlow(context, todo, 0), "a flow");
    expect(scenario.steps.map((step) => step.request.method)).toEqual([
      "POST",
      "GET",
      "GET",
      "PATCH",
      "GET",
      "DELETE",
      "GET",
    ]);
    expect(stepOf(scenario, -1).expect[0]).toEqual({ status: 404 });
  });

  it("pages lists without assuming what other trials created", () => {
    const list = stepOf(present(pagedList(context, todo, 0), "a list"), -1);
    expect(list.request.query).toEqual({ page: 1, limit: 5 });
    expect(list.expect).toContainEqual({
      jsonSchema: {
        type: "object",
        required: ["items", "total"],
        properties: {
          items: { type: "array", maxItems: 5, items: { type: "object" } },
          total: { type: "integer", minimum: 1 },
        },
      },
    });
  });

  it("updates some fields and reads back the updated record", () => {
    const scenario = present(updateAndReadBack(context, todo, 1), "an update");
    expect(stepOf(scenario, 1).capture).toEqual({ updated: "body" });
    expect(stepOf(scenario, 2).expect).toContainEqual({ json: "{{ updated }}" });
  });

  it("leaves out what the entity does not allow, and checks health", () => {
    const readOnly = HttpServiceModel.parse({
      entities: { note: { fields: { text: "string" }, operations: ["read", "list"] } },
    });
    const limited = new HttpContext(readOnly, 1);
    const note = present(limited.entities[0], "the note entity");
    expect(createAndReadBack(limited, note, 0)).toBeUndefined();
    expect(wholeFlow(limited, note, 0)).toBeUndefined();
    expect(pagedList(limited, note, 0)?.steps).toHaveLength(1);
    expect(stepOf(healthScenario(limited), 0).request.path).toBe("/health");
  });

  it("writes scenarios the loader accepts", () => {
    const builders = [createAndReadBack, wholeFlow, pagedList, updateAndReadBack];
    const scenarios = [0, 1, 2].flatMap((variant) =>
      builders.map((build) => build(context, todo, variant)),
    );
    expect(schemaProblems(scenarios)).toEqual([]);
  });
});
