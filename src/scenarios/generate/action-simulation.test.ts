import { describe, expect, it } from "vitest";
import { inventoryModel, present } from "../../../test/support/http-test-specs.js";
import { evaluateExpression, simulateAction } from "./action-simulation.js";
import { HttpContext } from "./http-context.js";

const context = new HttpContext(inventoryModel, 1);
const product = present(context.entities[0], "the product entity");
const action = (name: string) => present(product.definition.actions[name], `action ${name}`);
const fresh = { sku: "ABC-1234", name: "Hammer", stock: 0, active: true };
const run = (name: string, state: Record<string, unknown>, input: Record<string, unknown>) =>
  simulateAction(inventoryModel, product, action(name), state, input);

describe("simulateAction", () => {
  it("applies effects computed from the values before the action", () => {
    expect(run("restock", fresh, { quantity: 7 })).toEqual({
      kind: "applied",
      status: 200,
      state: { ...fresh, stock: 7 },
    });
  });

  it("answers the first false rule with its status and error, changing nothing", () => {
    const stocked = { ...fresh, stock: 3 };
    expect(run("reserve", stocked, { quantity: 3 })).toMatchObject({
      kind: "applied",
      state: { stock: 0 },
    });
    expect(run("reserve", stocked, { quantity: 4 })).toEqual({
      kind: "refused",
      status: 409,
      error: "not enough stock",
      check: "quantity <= stock",
    });
    expect(run("reserve", { ...stocked, active: false }, { quantity: 4 })).toMatchObject({
      kind: "refused",
      error: "product is discontinued",
    });
  });

  it("answers conflict when a result breaks its field's constraint", () => {
    expect(run("restock", { ...fresh, stock: 99_999 }, { quantity: 2 })).toEqual({
      kind: "conflict",
      status: 409,
      field: "stock",
      value: 100_001,
    });
  });

  it("reads true and false as constants", () => {
    expect(run("discontinue", fresh, {})).toMatchObject({
      kind: "applied",
      state: { active: false },
    });
  });

  it("says when it cannot tell: a value it does not know", () => {
    const unknownStock = { sku: "ABC-1234", name: "Hammer", active: true };
    expect(run("reserve", unknownStock, { quantity: 1 }).kind).toBe("unknown");
    expect(evaluateExpression("quantity <=", {})).toBeInstanceOf(Error);
  });
});
