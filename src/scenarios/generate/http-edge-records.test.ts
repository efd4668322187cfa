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
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";
import {
  duplicateScenarios,
  notDuplicateScenarios,
  notFoundScenarios,
} from "./http-edge-records.js";

const skuOf = (json: unknown) => (json as { sku: string }).sku;

describe("duplicates of unique fields", () => {
  const context = new HttpContext(inventoryModel, 1);
  const scenarios = duplicateScenarios(context, present(context.entities[0], "product"));

  it("creates the first, then expects a conflict for the same value", () => {
    const duplicate = scenarioNamed(scenarios, "edge/product/sku/duplicate");
    const [first, second] = [stepOf(duplicate, 0), stepOf(duplicate, 1)];
    expect(first.expect[0]).toEqual({ status: 201 });
    expect(skuOf(second.request.json)).toBe(skuOf(first.request.json));
    expect(second.expect[0]).toEqual({ status: 409 });
  });

  it("gives every scenario its own values, so scenarios never collide", () => {
    const all = [
      ...scenarios,
      ...notDuplicateScenarios(context, present(context.entities[0], "p")),
    ];
    const firstValues = all.map((scenario) => skuOf(stepOf(scenario, 0).request.json));
    expect(new Set(firstValues).size).toBe(firstValues.length);
    expect(all.map((scenario) => scenario.id)).toEqual([
      "edge/product/sku/duplicate",
      "edge/product/sku/duplicate-on-update",
      "edge/product/sku/duplicate-on-update-with-other-fields",
      "edge/product/sku/reuse-after-delete",
    ]);
    expect(schemaProblems(all)).toEqual([]);
  });

  it("finds a duplicate on update when another field changes too, and changes nothing", () => {
    const both = scenarioNamed(scenarios, "edge/product/sku/duplicate-on-update-with-other-fields");
    const [first, , change, read] = [0, 1, 2, 3].map((index) => stepOf(both, index));
    expect(change?.request.method).toBe("PATCH");
    expect(Object.keys(change?.request.json as object)).toEqual(["sku", "name"]);
    expect(skuOf(change?.request.json)).toBe(skuOf(first?.request.json));
    expect(change?.expect[0]).toEqual({ status: 409 });
    expect(read?.expect).toContainEqual({ json: "{{ second }}" });
  });

  it("compares text exactly: another case is not a duplicate", () => {
    const model = HttpServiceModel.parse({
      entities: { user: { fields: { login: { type: "string", unique: true, required: true } } } },
    });
    const users = new HttpContext(model, 1);
    const scenarios = notDuplicateScenarios(users, present(users.entities[0], "user"));
    const other = scenarioNamed(scenarios, "edge/user/login/duplicate-other-case");
    const [first, second] = other.steps.map(
      (step) => (rendered(step.request.json) as { login: string }).login,
    );
    expect(first).not.toBe(second);
    expect(first?.toLowerCase()).toBe(second?.toLowerCase());
    expect(stepOf(other, 1).expect[0]).toEqual({ status: 201 });
  });
});

describe("ids no record has", () => {
  const context = new HttpContext(todoModel, 1);
  const todo = present(context.entities[0], "the todo entity");

  it("finds nothing at a deleted id or one that never existed", () => {
    const scenarios = notFoundScenarios(context, todo);
    const deleted = scenarioNamed(scenarios, "edge/todo/deleted-id");
    expect(deleted.steps.map((step) => [step.request.method, step.expect[0]])).toEqual([
      ["POST", { status: 201 }],
      ["DELETE", { status: 204 }],
      ["GET", { status: 404 }],
      ["PATCH", { status: 404 }],
      ["DELETE", { status: 404 }],
    ]);
    const long = scenarioNamed(scenarios, "edge/todo/unknown-id-very-long-id");
    expect(stepOf(long, 0).request.path).toHaveLength("/todos/".length + 300);
    expect(schemaProblems(scenarios)).toEqual([]);
  });

  it("sends a valid input to every action of an id no record has", () => {
    const inventory = new HttpContext(inventoryModel, 1);
    const scenarios = notFoundScenarios(inventory, present(inventory.entities[0], "product"));
    const zero = scenarioNamed(scenarios, "edge/product/unknown-id-zero-uuid");
    expect(zero.steps.map((step) => step.request.path.split("/").at(-1))).toEqual([
      "00000000-0000-0000-0000-000000000000",
      "00000000-0000-0000-0000-000000000000",
      "00000000-0000-0000-0000-000000000000",
      "restock",
      "reserve",
      "discontinue",
    ]);
    expect(stepOf(zero, 3)).toMatchObject({
      request: { method: "POST", json: { quantity: expect.any(Number) } },
      expect: [{ status: 404 }, expect.anything()],
    });
    expect(scenarioNamed(scenarios, "edge/product/deleted-id").title).toContain("its actions");
  });
});
