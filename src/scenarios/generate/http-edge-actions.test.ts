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
import { actionBoundaryScenarios, actionEdgeScenarios } from "./http-edge-actions.js";

const context = new HttpContext(inventoryModel, 1);
const product = present(context.entities[0], "product");
const boundaries = actionBoundaryScenarios(context, product);
const scenarios = [...boundaries, ...actionEdgeScenarios(context, product)].flat();
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
  it("finds a rule's boundary in two states: quantity == stock is allowed, stock + 1 refused", () => {
    const stocks: number[] = [];
    for (const id of ["rule-boundary", "rule-boundary-2"]) {
      const boundary = named(`edge/product/reserve/quantity/${id}`);
      const stock = stockAfter(boundary.steps.slice(0, -3));
      expect(stock).toBeGreaterThan(1);
      const [refused, applied, read] = [-3, -2, -1].map((index) => stepOf(boundary, index));
      expect(refused?.request.json).toEqual({ quantity: stock + 1 });
      expect(refused?.expect).toContainEqual({ jsonSubset: { error: "not enough stock" } });
      expect(applied?.request.json).toEqual({ quantity: stock });
      expect(applied?.expect).toContainEqual(stockIs(0));
      expect(read?.expect).toContainEqual(stockIs(0));
      stocks.push(stock);
    }
    expect(new Set(stocks).size).toBe(2);
  });

  it("puts the searched boundaries first, then both sides of each input bound", () => {
    const reserve = present(boundaries[1], "reserve's boundaries").map((scenario) => scenario.id);
    expect(reserve).toEqual([
      "edge/product/reserve/quantity/rule-boundary",
      "edge/product/reserve/quantity/rule-boundary-2",
      "edge/product/reserve/quantity/max-bound",
      "edge/product/reserve/quantity/min-bound",
    ]);
  });

  it("finds an effect's boundary by reaching a state near the bound first", () => {
    const boundary = named("edge/product/restock/quantity/effect-boundary");
    const room = 100_000 - stockAfter(boundary.steps.slice(0, -3));
    expect(stepOf(boundary, -2).request.json).toEqual({ quantity: room });
    expect(stepOf(boundary, -3).request.json).toEqual({ quantity: room + 1 });
    expect(stepOf(boundary, -3).expect[0]).toEqual({ status: 409 });
    expect(stepOf(boundary, -1).expect).toContainEqual(stockIs(100_000));
  });

  it("refuses an unknown input field, changing nothing", () => {
    const unknownField = named("edge/product/discontinue/unknown-input-field");
    expect(stepOf(unknownField, 1)).toMatchObject({
      request: { json: { notAnInput: 1 } },
      expect: [{ status: 400 }, expect.anything()],
    });
    expect(stepOf(unknownField, 2).expect).toContainEqual(stockIs(0));
    expect(scenarios.map((scenario) => scenario.id)).not.toContain(
      "edge/product/restock/unknown-id",
    );
  });

  it("writes scenarios the loader accepts", () => {
    expect(schemaProblems(scenarios)).toEqual([]);
  });
});
