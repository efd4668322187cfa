import { describe, expect, it } from "vitest";
import { criterionSignals, nameWords, stem } from "./criterion-signals.js";

const names = new Map([
  ["entity:product", "product"],
  ["field:priceCents", "priceCents"],
  ["action:reserve", "reserve"],
  ["path:/products", "/products"],
]);

describe("criterionSignals", () => {
  it("finds the names it mentions by their stems and words", () => {
    expect(stem("reserving")).toBe("reserv");
    expect(stem("categories")).toBe("category");
    expect(nameWords("priceCents")).toEqual(["pric", "cent"]);
    const signals = criterionSignals("Reserving products updates the price in cents", names);
    expect([...signals.subjects].sort()).toEqual([
      "action:reserve",
      "entity:product",
      "field:priceCents",
      "path:/products",
    ]);
  });

  it("reads operations, aspects and families from verbs, keywords and status codes", () => {
    const signals = criterionSignals(
      "Deleting a missing product answers 404; SQL in a name is refused with 400",
      names,
    );
    expect(signals.operations).toEqual(new Set(["delete"]));
    expect(signals.aspects).toEqual(new Set(["not-found", "validation", "injection"]));
    expect(signals.families).toEqual(new Set(["sql-injection"]));
    expect(criterionSignals("GET /products?page=2", names).subjects).toContain("path:/products");
  });
});
