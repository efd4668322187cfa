import { describe, expect, it } from "vitest";
import { inventoryModel, present } from "../../../test/support/http-test-specs.js";
import { apply, findFlip, prefixes } from "./action-boundary-search.js";
import { HttpContext } from "./http-context.js";

const context = new HttpContext(inventoryModel, 1);
const product = present(context.entities[0], "the product entity");
const quantity = present(product.definition.actions.reserve?.input.quantity, "reserve's quantity");
const fresh = { sku: "ABC-1234", name: "Hammer", stock: 0, active: true };

describe("boundary search", () => {
  it("reaches states by random and by greedy sequences of applied actions", () => {
    const found = prefixes(context, product, "reserve", fresh);
    expect(found[0]).toEqual({ applied: [], state: fresh });
    const stocks = found.map((prefix) => prefix.state.stock as number);
    expect(Math.max(...stocks)).toBe(100_000);
    expect(stocks).toContain(95_000);
    for (const prefix of found) {
      let state = fresh as Record<string, unknown>;
      for (const step of prefix.applied) {
        const outcome = apply(context, product, state, step);
        expect(outcome.kind).toBe("applied");
        if (outcome.kind === "applied") state = outcome.state;
      }
      expect(state).toEqual(prefix.state);
    }
  });

  it("finds adjacent values where a rule flips, in a state where the edge is not the minimum", () => {
    const found = prefixes(context, product, "reserve", fresh);
    const flip = present(
      findFlip(context, product, "reserve", found, "quantity", quantity, "refused"),
      "a flip",
    );
    expect(flip.applied).toBe(flip.prefix.state.stock);
    expect(flip.other).toBe(flip.applied + 1);
    expect(flip.applied).toBeGreaterThan(1);
  });

  it("finds where an effect breaks a bound, far from the smallest input", () => {
    const restock = present(
      product.definition.actions.restock?.input.quantity,
      "restock's quantity",
    );
    const found = prefixes(context, product, "restock", fresh);
    const flip = present(
      findFlip(context, product, "restock", found, "quantity", restock, "conflict"),
      "a flip",
    );
    expect((flip.prefix.state.stock as number) + flip.applied).toBe(100_000);
    expect(flip.other).toBe(flip.applied + 1);
    expect(
      findFlip(context, product, "reserve", found, "quantity", quantity, "conflict"),
    ).toBeUndefined();
  });
});
