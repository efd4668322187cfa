import { describe, expect, it } from "vitest";
import {
  inventoryModel,
  present,
  rendered,
  scenarioNamed,
  schemaProblems,
  stepOf,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { HttpContext } from "./http-context.js";
import {
  createBoundaryScenarios,
  defaultScenarios,
  forbiddenFieldScenarios,
  updateBoundaryScenarios,
} from "./http-edge-fields.js";

const context = new HttpContext(todoModel, 1);
const todo = present(context.entities[0], "the todo entity");
const subsetWith = (values: Record<string, unknown>) =>
  expect.objectContaining({ jsonSubset: expect.objectContaining(values) });

describe("field boundaries on create", () => {
  const scenarios = createBoundaryScenarios(context, todo).flat();
  const first = (id: string) => stepOf(scenarioNamed(scenarios, id), 0);

  it("stores valid boundary values and reads them back", () => {
    const longest = scenarioNamed(scenarios, "edge/todo/title/longest-emoji");
    const sent = rendered(stepOf(longest, 0).request.json) as { title: string };
    expect([...sent.title]).toHaveLength(200);
    expect(stepOf(longest, 0).expect[0]).toEqual({ status: 201 });
    expect(stepOf(longest, 1).request.method).toBe("GET");
  });

  it("refuses invalid ones with the validation status and an error body", () => {
    const tooLong = scenarioNamed(scenarios, "edge/todo/title/longest-emoji-plus-one");
    expect(tooLong.steps).toHaveLength(1);
    expect(stepOf(tooLong, 0).expect[0]).toEqual({ status: 400 });
    expect(stepOf(tooLong, 0).expect[1]).toMatchObject({ jsonSchema: { required: ["error"] } });
    expect(first("edge/todo/priority/huge").request.json).toMatchObject({ priority: 1e308 });
    expect(first("edge/todo/title/missing").request.json).not.toHaveProperty("title");
  });

  it("leaves out the cases a boundary pair sends", () => {
    const ids = scenarios.map((scenario) => scenario.id);
    for (const paired of [
      "title/longest",
      "title/longest-plus-one",
      "priority/max",
      "due/leap-day",
    ]) {
      expect(ids).not.toContain(`edge/todo/${paired}`);
    }
    expect(ids).toContain("edge/todo/priority/max-minus-one");
  });

  it("expects the default of a field left out", () => {
    const missing = scenarioNamed(scenarios, "edge/todo/priority/missing");
    expect(missing.tags).toContain("aspect:default");
    expect(stepOf(missing, 0).expect).toContainEqual(subsetWith({ priority: 3 }));
  });

  it("writes scenarios the loader accepts", () => {
    expect(schemaProblems(scenarios)).toEqual([]);
  });
});

describe("field boundaries on update, defaults and forbidden fields", () => {
  it("leaves the record unchanged after an invalid update", () => {
    const scenarios = updateBoundaryScenarios(context, todo).flat();
    expect(scenarios.map((scenario) => scenario.id)).toEqual(["edge/todo/due/update-empty"]);
    const refused = scenarioNamed(scenarios, "edge/todo/due/update-empty");
    expect(refused.steps.map((step) => step.request.method)).toEqual(["POST", "PATCH", "GET"]);
    expect(stepOf(refused, 2).expect).toContainEqual({ json: "{{ created }}" });
    expect(schemaProblems(scenarios)).toEqual([]);
  });

  it("does not update a unique field to a fixed value another scenario also creates", () => {
    const inventory = new HttpContext(inventoryModel, 1);
    const product = present(inventory.entities[0], "the product entity");
    const ids = updateBoundaryScenarios(inventory, product)
      .flat()
      .map((scenario) => scenario.id);
    expect(ids).not.toContain("edge/product/sku/update-pattern-match");
    expect(ids).toContain("edge/product/sku/update-pattern-trailing-newline");
    expect(ids).not.toContain("edge/product/sku/update-pattern-near-miss");
  });

  it("fills in every default, and {} changes nothing", () => {
    const [defaults, empty] = defaultScenarios(context, todo);
    const create = stepOf(present(defaults, "the defaults scenario"), 0);
    expect(create.request.json).toEqual({ title: expect.any(String) });
    expect(create.expect).toContainEqual(subsetWith({ done: false, priority: 3 }));
    expect(stepOf(present(empty, "the empty update"), 1)).toMatchObject({
      request: { method: "PATCH", json: {} },
      expect: [{ status: 200 }, { json: "{{ created }}" }],
    });
  });

  it("refuses the id field, read-only fields and unknown fields", () => {
    const inventory = new HttpContext(inventoryModel, 1);
    const scenarios = forbiddenFieldScenarios(inventory, present(inventory.entities[0], "product"));
    expect(scenarios.map((scenario) => scenario.id)).toEqual(
      expect.arrayContaining([
        "edge/product/create-with-unknown-field",
        "edge/product/create-with-id-field",
        "edge/product/create-with-read-only-stock",
        "edge/product/update-with-read-only-active",
      ]),
    );
    const stock = stepOf(scenarioNamed(scenarios, "edge/product/create-with-read-only-stock"), 0);
    expect(stock.request.json).toHaveProperty("stock");
    expect(stock.expect[0]).toEqual({ status: 400 });
    expect(schemaProblems(scenarios)).toEqual([]);
  });
});
