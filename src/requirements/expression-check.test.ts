import { describe, expect, it } from "vitest";
import { expressionProblem } from "./expression-check.js";

const variables = ["stock", "quantity", "archived", "state"];

describe("expressionProblem", () => {
  it("accepts an expression over the given names, constants and functions", () => {
    expect(expressionProblem("quantity <= stock and not archived", variables)).toBeUndefined();
    expect(expressionProblem("max(stock - quantity, 0)", variables)).toBeUndefined();
    expect(expressionProblem('state == "open" or archived == true', variables)).toBeUndefined();
    expect(expressionProblem("if archived then 0 else stock", variables)).toBeUndefined();
  });

  it("reports an expression filtrex cannot compile", () => {
    expect(expressionProblem("stock >=", variables)).toMatch(
      /^invalid expression "stock >=": Parse error on line 1: stock >= Expecting/,
    );
  });

  it("reports a name that is neither a field nor an input", () => {
    expect(expressionProblem("quantity <= stok", variables)).toBe(
      'unknown name "stok" in "quantity <= stok"; the names here are stock, quantity, archived, state, true, false, null',
    );
    expect(expressionProblem("'in-stock' > 0", variables)).toMatch(/^unknown name "in-stock"/);
  });

  it("reports an unknown function", () => {
    expect(expressionProblem("floor(stock) + ceiling(quantity)", variables)).toMatch(
      /^unknown function "ceiling"/,
    );
  });

  it("does not take words inside strings, or a key read with `of`, for names", () => {
    expect(expressionProblem('state == "not a name"', variables)).toBeUndefined();
    expect(expressionProblem("length of state", variables)).toBeUndefined();
  });
});
