import { describe, expect, it } from "vitest";
import {
  criterion,
  present,
  rendered,
  schemaProblems,
  stepOf,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";
import { criterionExampleScenarios, modelExampleScenarios } from "./http-examples.js";

const context = new HttpContext(todoModel, 1);
const example = (input: string, expected: string) => ({ input, expected, line: 9 });

describe("criterion examples", () => {
  it("turns METHOD /path json → STATUS into a request and its status", () => {
    const [built] = criterionExampleScenarios(context, [
      criterion("AC1", "Create a todo", [example('POST /todos {"title": "{{Milk}}"}', "201")]),
    ]);
    const scenario = present(built, "a scenario");
    expect(scenario).toMatchObject({
      id: "normal/criteria/ac1-1",
      category: "normal",
      covers: ["AC1"],
    });
    expect(rendered(stepOf(scenario, 0).request.json)).toEqual({ title: "{{Milk}}" });
    expect(stepOf(scenario, 0).expect).toEqual([{ status: 201 }]);
  });

  it("creates a record for an {id} in the path, and reads a JSON subset after the status", () => {
    const [built] = criterionExampleScenarios(context, [
      criterion("AC3", "Mark done", [
        example('`PATCH /todos/{id} {"done": true}`', '`200 {"done": true}`'),
      ]),
    ]);
    const scenario = present(built, "a scenario");
    expect(scenario.steps).toHaveLength(2);
    expect(stepOf(scenario, 1).request.path).toBe("/todos/{{ created.id }}");
    expect(stepOf(scenario, 1).expect).toEqual([{ status: 200 }, { jsonSubset: { done: true } }]);
    expect(schemaProblems([scenario])).toEqual([]);
  });

  it("puts refusals in edge and accepts a subset without a status", () => {
    const scenarios = criterionExampleScenarios(context, [
      criterion("AC7", "Limits", [
        example("GET /todos?limit=101", "400"),
        example("GET /todos", '{"page": 1}'),
      ]),
    ]);
    expect(scenarios.map((scenario) => [scenario.id, scenario.category])).toEqual([
      ["edge/criteria/ac7-1", "edge"],
      ["normal/criteria/ac7-2", "normal"],
    ]);
    expect(stepOf(present(scenarios[1], "a scenario"), 0).expect).toEqual([
      { jsonSubset: { page: 1 } },
    ]);
  });

  it("notes an example it cannot read, and never throws", () => {
    const notes = new HttpContext(todoModel, 1);
    const scenarios = criterionExampleScenarios(notes, [
      criterion("AC9", "Odd", [
        example("todos are created", "201"),
        example("POST /todos {not json", "201"),
        example("GET /things/{id}", "200"),
        example("GET /todos", "fine"),
      ]),
    ]);
    expect(scenarios).toEqual([]);
    expect(notes.notes).toHaveLength(4);
    expect(notes.notes[0]).toMatch(
      /^AC9: the example on line 9 was not used: "todos are created" is not METHOD \/path/,
    );
  });
});

describe("model examples", () => {
  it("keeps their steps as written and covers their criteria", () => {
    const steps = [
      { request: { method: "POST", path: "/todos", json: {} }, expect: [{ status: 400 }] },
    ];
    const model = HttpServiceModel.parse({
      ...todoModel,
      examples: [
        { title: "A todo's title is required", criteria: ["AC2"], category: "edge", steps },
      ],
    });
    const [scenario] = modelExampleScenarios(new HttpContext(model, 1));
    expect(scenario).toMatchObject({
      id: "edge/examples/a-todo-s-title-is-required-1",
      category: "edge",
      covers: ["AC2"],
      steps,
    });
  });
});
