import { describe, expect, it } from "vitest";
import { inventoryModel, present } from "../../../test/support/http-test-specs.js";
import { apply, findFlips, prefixes } from "./action-boundary-search.js";
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

  it("finds adjacent values where a rule flips, in states where the edge is not the minimum", () => {
    const found = prefixes(context, product, "reserve", fresh);
    const flips = findFlips(context, product, "reserve", found, "quantity", quantity, "refused", 2);
    expect(flips).toHaveLength(2);
    for (const flip of flips) {
      expect(flip.applied).toBe(flip.prefix.state.stock);
      expect(flip.other).toBe(flip.applied + 1);
      expect(flip.applied).toBeGreaterThan(1);
    }
    const [first, second] = flips.map((flip) => flip.applied);
    expect(first).not.toBe(second);
    const one = findFlips(context, product, "reserve", found, "quantity", quantity, "refused", 1);
    expect(one.map((flip) => flip.applied)).toEqual([first]);
  });

  it("falls back to a flip at the smallest input when no other state has one", () => {
    const start = prefixes(context, product, "reserve", fresh).slice(0, 1);
    const flips = findFlips(context, product, "reserve", start, "quantity", quantity, "refused", 2);
    expect(flips).toEqual([]);
    const withStock = [{ applied: [], state: { ...fresh, stock: 1 } }];
    const atMinimum = findFlips(
      context,
      product,
      "reserve",
      withStock,
      "quantity",
      quantity,
      "refused",
      2,
    );
    expect(atMinimum.map((flip) => [flip.applied, flip.other])).toEqual([[1, 2]]);
  });

  it("finds where an effect breaks a bound, far from the smallest input", () => {
    const restock = present(
      product.definition.actions.restock?.input.quantity,
      "restock's quantity",
    );
    const found = prefixes(context, product, "restock", fresh);
    const [flip] = findFlips(
      context,
      product,
      "restock",
      found,
      "quantity",
      restock,
      "conflict",
      2,
    );
    const { prefix, applied, other } = present(flip, "a flip");
    expect((prefix.state.stock as number) + applied).toBe(100_000);
    expect(other).toBe(applied + 1);
    expect(
      findFlips(context, product, "reserve", found, "quantity", quantity, "conflict", 2),
    ).toEqual([]);
  });
});
