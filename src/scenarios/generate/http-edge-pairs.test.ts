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
import { fieldPairScenarios } from "./http-edge-pairs.js";

const context = new HttpContext(todoModel, 1);
const lists = fieldPairScenarios(context, present(context.entities[0], "the todo entity"));
const scenarios = lists.flat();
const titleOf = (json: unknown) => (rendered(json) as { title: string }).title;

describe("both sides of every bound of a field", () => {
  it("lists each field's pairs on create then on update, bound by bound", () => {
    expect(
      lists.map((list) => list.map((scenario) => scenario.id.split("/").slice(2).join("/"))),
    ).toEqual([
      [
        "title/max-length-bound",
        "title/update-max-length-bound",
        "title/min-length-bound",
        "title/update-min-length-bound",
      ],
      [],
      [
        "priority/max-bound",
        "priority/update-max-bound",
        "priority/min-bound",
        "priority/update-min-bound",
      ],
      ["due/calendar-bound", "due/update-calendar-bound"],
    ]);
    expect(schemaProblems(scenarios)).toEqual([]);
  });

  it("on create, refuses the value past the bound, then stores the value at it", () => {
    const pair = scenarioNamed(scenarios, "edge/todo/title/max-length-bound");
    const [refused, stored, read] = [0, 1, 2].map((index) => stepOf(pair, index));
    expect(titleOf(refused?.request.json)).toHaveLength(201);
    expect(refused?.expect[0]).toEqual({ status: 400 });
    expect(titleOf(stored?.request.json)).toHaveLength(200);
    expect(stored?.expect[0]).toEqual({ status: 201 });
    expect(read?.expect).toContainEqual({ json: "{{ created }}" });
  });

  it("on update, refuses and changes nothing, then stores the value at the bound", () => {
    const pair = scenarioNamed(scenarios, "edge/todo/priority/update-min-bound");
    expect(pair.steps.map((step) => [step.request.method, step.expect[0]])).toEqual([
      ["POST", { status: 201 }],
      ["PATCH", { status: 400 }],
      ["PATCH", { status: 200 }],
      ["GET", { status: 200 }],
    ]);
    expect(stepOf(pair, 1).request.json).toEqual({ priority: 0 });
    expect(stepOf(pair, 2).request.json).toEqual({ priority: 1 });
    expect(stepOf(pair, 3).expect).toContainEqual({ json: "{{ updated }}" });
  });

  it("gives a unique field that cannot carry the token a value of its own on both sides", () => {
    const inventory = new HttpContext(inventoryModel, 1);
    const product = present(inventory.entities[0], "product");
    const skus = fieldPairScenarios(inventory, product)
      .flat()
      .filter((scenario) => scenario.id.includes("/sku/"));
    expect(skus.map((scenario) => scenario.id)).toEqual([
      "edge/product/sku/pattern-bound",
      "edge/product/sku/update-pattern-bound",
    ]);
    const accepted = skus.map((scenario) => {
      const step = stepOf(scenario, scenario.id.includes("update") ? 2 : 1);
      return (step.request.json as { sku: string }).sku;
    });
    expect(new Set(accepted).size).toBe(2);
    for (const sku of accepted) expect(sku).toMatch(/^[A-Z]{3}-[0-9]{4}$/);
  });

  it("sends only create pairs when the entity cannot be updated", () => {
    const model = HttpServiceModel.parse({
      entities: {
        note: { fields: { text: { type: "string", maxLength: 40 } }, operations: ["create"] },
      },
    });
    const notes = new HttpContext(model, 1);
    const [text] = fieldPairScenarios(notes, present(notes.entities[0], "note"));
    expect(present(text, "the text pairs").map((scenario) => scenario.id)).toEqual([
      "edge/note/text/max-length-bound",
    ]);
    expect(present(text?.[0], "a pair").steps).toHaveLength(2);
  });
});
