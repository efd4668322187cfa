import { describe, expect, it } from "vitest";
import {
  present,
  scenarioNamed,
  schemaProblems,
  stepOf,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";
import { paginationPairScenarios, paginationScenarios } from "./http-edge-pagination.js";

const context = new HttpContext(todoModel, 1);
const todo = present(context.entities[0], "the todo entity");

describe("both sides of the list's bounds", () => {
  const pairs = paginationPairScenarios(context, todo);
  const queries = (id: string) =>
    scenarioNamed(pairs, id).steps.map((step) => [step.request.query, step.expect[0]]);

  it("refuses the value past each bound, then answers a page at it, alone and combined", () => {
    expect(pairs.map((scenario) => scenario.id)).toEqual([
      "edge/todo/list-limit-maximum-bound",
      "edge/todo/list-limit-minimum-bound",
      "edge/todo/list-page-minimum-bound",
      "edge/todo/list-limit-maximum-bound-combined",
      "edge/todo/list-limit-minimum-bound-combined",
      "edge/todo/list-page-minimum-bound-combined",
    ]);
    expect(queries("edge/todo/list-limit-maximum-bound")).toEqual([
      [{ limit: 101 }, { status: 400 }],
      [{ limit: 100 }, { status: 200 }],
    ]);
    expect(queries("edge/todo/list-limit-minimum-bound-combined")).toEqual([
      [{ page: 2, limit: 0 }, { status: 400 }],
      [{ page: 2, limit: 1 }, { status: 200 }],
    ]);
    expect(queries("edge/todo/list-page-minimum-bound-combined")).toEqual([
      [{ limit: 1, page: 0 }, { status: 400 }],
      [{ limit: 1, page: 1 }, { status: 200 }],
    ]);
    expect(schemaProblems(pairs)).toEqual([]);
  });

  it("expects a page no larger than the limit asked for, or the default", () => {
    const maxItems = (id: string) =>
      (stepOf(scenarioNamed(pairs, id), 1).expect[1] as { jsonSchema: unknown }).jsonSchema;
    expect(maxItems("edge/todo/list-limit-maximum-bound")).toMatchObject({
      properties: { items: { maxItems: 100 } },
    });
    expect(maxItems("edge/todo/list-page-minimum-bound")).toMatchObject({
      properties: { items: { maxItems: 20 } },
    });
  });

  it("uses the model's parameter names and maximum", () => {
    const model = HttpServiceModel.parse({
      entities: { note: { fields: { text: "string" } } },
      http: { pageParameter: "p", limitParameter: "size", maximumLimit: 7 },
    });
    const notes = new HttpContext(model, 1);
    const [maximum] = paginationPairScenarios(notes, present(notes.entities[0], "note"));
    expect(present(maximum, "a pair").steps.map((step) => step.request.query)).toEqual([
      { size: 8 },
      { size: 7 },
    ]);
  });
});

describe("the other ends of a list", () => {
  it("tests past the end and no parameters, and refuses values that are not whole numbers", () => {
    const scenarios = paginationScenarios(context, todo);
    const first = (label: string) => stepOf(scenarioNamed(scenarios, `edge/todo/list-${label}`), 0);
    expect(first("past-the-end").expect).toContainEqual({ jsonSubset: { items: [] } });
    expect(first("default-limit").request.query).toEqual({});
    for (const label of ["page-negative", "page-not-a-number", "limit-fraction"]) {
      expect(first(label).expect[0]).toEqual({ status: 400 });
    }
    expect(schemaProblems(scenarios)).toEqual([]);
  });
});
