import { describe, expect, it } from "vitest";
import {
  inventoryModel,
  present,
  scenarioNamed,
  schemaProblems,
  stepOf,
} from "../../../test/support/http-test-specs.js";
import type { HttpStep } from "../../contracts/scenario.js";
import { HttpContext } from "./http-context.js";
import { actionEdgeScenarios } from "./http-edge-actions.js";

const context = new HttpContext(inventoryModel, 1);
const scenarios = actionEdgeScenarios(context, present(context.entities[0], "product")).flat();
const named = (id: string) => scenarioNamed(scenarios, id);
const stockIs = (stock: number) =>
  expect.objectContaining({ jsonSubset: expect.objectContaining({ stock }) });

/** The stock the steps leave, counted from their restocks and reservations. */
function stockAfter(steps: HttpStep[]): number {
  let stock = 0;
  for (const step of steps) {
    const quantity = (step.request.json as { quantity?: number } | undefined)?.quantity ?? 0;
    if (step.request.path.endsWith("/restock")) stock += quantity;
    if (step.request.path.endsWith("/reserve")) stock -= quantity;
  }
  return stock;
}

describe("action edges", () => {
  it("finds a rule's boundary: quantity == stock is allowed, stock + 1 refused", () => {
    const boundary = named("edge/product/reserve/quantity/rule-boundary");
    const stock = stockAfter(boundary.steps.slice(0, -3));
    expect(stock).toBeGreaterThan(1);
    const [refused, applied, read] = [-3, -2, -1].map((index) => stepOf(boundary, index));
    expect(refused?.request.json).toEqual({ quantity: stock + 1 });
    expect(refused?.expect).toContainEqual({ jsonSubset: { error: "not enough stock" } });
    expect(applied?.request.json).toEqual({ quantity: stock });
    expect(applied?.expect).toContainEqual(stockIs(0));
    expect(read?.expect).toContainEqual(stockIs(0));
  });

  it("finds an effect's boundary by reaching a state near the bound first", () => {
    const boundary = named("edge/product/restock/quantity/effect-boundary");
    const room = 100_000 - stockAfter(boundary.steps.slice(0, -3));
    expect(stepOf(boundary, -2).request.json).toEqual({ quantity: room });
    expect(stepOf(boundary, -3).request.json).toEqual({ quantity: room + 1 });
    expect(stepOf(boundary, -3).expect[0]).toEqual({ status: 409 });
    expect(stepOf(boundary, -1).expect).toContainEqual(stockIs(100_000));
  });

  it("refuses invalid input and an unknown input field, changing nothing", () => {
    const tooMany = named("edge/product/reserve/quantity/above-max");
    expect(stepOf(tooMany, 1)).toMatchObject({
      request: { json: { quantity: 1001 } },
      expect: [{ status: 400 }, expect.anything()],
    });
    expect(stepOf(tooMany, 2).expect).toContainEqual(stockIs(0));
    expect(stepOf(named("edge/product/restock/quantity/missing"), 1).request.json).toEqual({});
    const unknownField = named("edge/product/discontinue/unknown-input-field");
    expect(stepOf(unknownField, 1).request.json).toEqual({ notAnInput: 1 });
    const unknownId = named("edge/product/restock/unknown-id");
    expect(stepOf(unknownId, 0).expect[0]).toEqual({ status: 404 });
  });

  it("gives valid input the outcome the model predicts", () => {
    expect(stepOf(named("edge/product/restock/quantity/max"), 1).expect[0]).toEqual({
      status: 200,
    });
    expect(stepOf(named("edge/product/reserve/quantity/min"), 1).expect[0]).toEqual({
      status: 409,
    });
  });

  it("writes scenarios the loader accepts", () => {
    expect(schemaProblems(scenarios)).toEqual([]);
  });
});
