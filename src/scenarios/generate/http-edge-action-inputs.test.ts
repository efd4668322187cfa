import { describe, expect, it } from "vitest";
import {
  inventoryModel,
  present,
  scenarioNamed,
  schemaProblems,
  stepOf,
} from "../../../test/support/http-test-specs.js";
import { HttpContext } from "./http-context.js";
import { inputCaseScenarios, inputPairScenarios } from "./http-edge-action-inputs.js";

const context = new HttpContext(inventoryModel, 1);
const product = present(context.entities[0], "product");
const stockIs = (stock: number) =>
  expect.objectContaining({ jsonSubset: expect.objectContaining({ stock }) });

describe("both sides of an input's bounds", () => {
  const pairs = inputPairScenarios(context, product, "restock");

  it("sends the value past each bound, then the value at it, on a fresh record", () => {
    expect(pairs.map((scenario) => scenario.id)).toEqual([
      "edge/product/restock/quantity/max-bound",
      "edge/product/restock/quantity/min-bound",
    ]);
    const maximum = scenarioNamed(pairs, "edge/product/restock/quantity/max-bound");
    expect(maximum.steps.map((step) => step.request.method)).toEqual([
      "POST",
      "POST",
      "POST",
      "GET",
    ]);
    expect(stepOf(maximum, 1)).toMatchObject({
      request: { json: { quantity: 10_001 } },
      expect: [{ status: 400 }, expect.anything()],
    });
    expect(stepOf(maximum, 2).request.json).toEqual({ quantity: 10_000 });
    expect(stepOf(maximum, 2).expect).toContainEqual(stockIs(10_000));
    expect(stepOf(maximum, 3).expect).toContainEqual(stockIs(10_000));
    const minimum = scenarioNamed(pairs, "edge/product/restock/quantity/min-bound");
    expect([stepOf(minimum, 1), stepOf(minimum, 2)].map((step) => step.request.json)).toEqual([
      { quantity: 0 },
      { quantity: 1 },
    ]);
  });

  it("expects what the model says of the accepted side, a rule's refusal included", () => {
    const reserve = inputPairScenarios(context, product, "reserve");
    const minimum = scenarioNamed(reserve, "edge/product/reserve/quantity/min-bound");
    expect(stepOf(minimum, 2).expect).toContainEqual({ jsonSubset: { error: "not enough stock" } });
    expect(inputPairScenarios(context, product, "discontinue")).toEqual([]);
    expect(schemaProblems([...pairs, ...reserve])).toEqual([]);
  });
});

describe("the other cases of an input", () => {
  const cases = inputCaseScenarios(context, product, "restock");

  it("leaves out the cases a pair sends", () => {
    const labels = cases.map((scenario) => scenario.id.split("/").at(-1));
    expect(labels).toContain("missing");
    expect(labels).toContain("min-plus-one");
    for (const paired of ["max", "above-max", "min", "below-min"]) {
      expect(labels).not.toContain(paired);
    }
  });

  it("refuses an invalid case and changes nothing, and applies a valid one", () => {
    const missing = scenarioNamed(cases, "edge/product/restock/quantity/missing");
    expect(stepOf(missing, 1).request.json).toEqual({});
    expect(stepOf(missing, 1).expect[0]).toEqual({ status: 400 });
    expect(stepOf(missing, 2).expect).toContainEqual(stockIs(0));
    const two = scenarioNamed(cases, "edge/product/restock/quantity/min-plus-one");
    expect(stepOf(two, 1).expect).toContainEqual(stockIs(2));
    expect(schemaProblems(cases)).toEqual([]);
  });
});
