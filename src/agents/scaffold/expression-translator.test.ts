import fc from "fast-check";
import { compileExpression } from "filtrex";
import { describe, expect, it } from "vitest";
import {
  type ExpressionScope,
  translateExpression,
  translateRefusal,
  variablesRead,
} from "./expression-translator.js";

const recordFields = ["stock", "active", "price", "name", "archived"];
const scope: ExpressionScope = (name) => {
  if (name === "quantity" || name === "label") return `input.${name}`;
  return recordFields.includes(name) ? `product.${name}` : undefined;
};

type Values = Record<string, unknown>;

/** Runs the translated code as the service would, with the record and the input it reads. */
function runTranslated(code: string, values: Values): unknown {
  const product = { ...values };
  const input = { quantity: values.quantity, label: values.label };
  return new Function("product", "input", `return (${code});`)(product, input);
}

function runFiltrex(expression: string, values: Values): unknown {
  return compileExpression(expression, { constants: { true: true, false: false, null: null } })(
    values,
  );
}

const expressions = [
  "quantity <= stock and not archived",
  "stock - quantity",
  "stock + quantity * 2",
  "(stock + quantity) * 2",
  "if active then stock else 0",
  "if quantity > 10 then quantity - 10 else if quantity > 5 then 1 else 0",
  "quantity mod 3",
  "(0 - quantity) mod 4",
  "-quantity mod 4",
  "2 ^ 3 ^ 2",
  "-2 ^ 2",
  "- -quantity",
  "not active or archived",
  "not (active or archived)",
  "active and (archived or quantity > 3)",
  "1 < quantity < 10",
  "0 <= stock - quantity <= 100",
  "quantity == stock",
  "quantity != stock",
  'name == "O\'Brien \\"x\\""',
  'name ~= "^[A-Z]"',
  "quantity in (1, 2, 3)",
  "quantity not in (1, 2, 3)",
  'name in ("a", "b")',
  "(1, 2) in (1, 2, 3)",
  "quantity in stock",
  "abs(stock - quantity) + max(1, quantity, stock) - min(stock, 3)",
  "round(price * 1.5) + floor(price / 3) + ceil(price / 7)",
  "sqrt(stock) + log(1) + log2(8) + log10(100)",
  "exists(name) and not empty(name)",
  "empty(label)",
  "stock / 4 * 3",
  "stock - (quantity - 1)",
  "stock - quantity - 1",
  'name + "-" + label',
  "'stock' + 1",
  "active == true",
  "(stock, quantity)",
];

describe("translateExpression", () => {
  it("computes what filtrex computes, for values of the declared types", () => {
    fc.assert(
      fc.property(
        fc.record({
          stock: fc.integer({ min: 0, max: 1000 }),
          quantity: fc.integer({ min: -20, max: 20 }),
          price: fc.double({ min: 0, max: 1e6, noNaN: true }),
          active: fc.boolean(),
          archived: fc.boolean(),
          name: fc.string({ maxLength: 6 }),
          label: fc.constantFrom("", "x", "Ab"),
        }),
        (values) => {
          for (const expression of expressions) {
            const expected = runFiltrex(expression, values);
            const translated = translateExpression(expression, scope);
            expect(runTranslated(translated, values), `${expression} → ${translated}`).toEqual(
              expected,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("writes plain TypeScript, with parentheses only where precedence needs them", () => {
    expect(translateExpression("quantity <= stock and not archived", scope)).toBe(
      "input.quantity <= product.stock && !product.archived",
    );
    expect(translateExpression("stock - quantity", scope)).toBe("product.stock - input.quantity");
    expect(translateExpression("stock - (quantity - 1)", scope)).toBe(
      "product.stock - (input.quantity - 1)",
    );
    expect(translateExpression("if active then stock else 0", scope)).toBe(
      "product.active ? product.stock : 0",
    );
    expect(translateExpression("-2 ^ 2", scope)).toBe("-(2 ** 2)");
    expect(translateExpression("1 < quantity < 10", scope)).toBe(
      "1 < input.quantity && input.quantity < 10",
    );
    expect(translateExpression("quantity in (1, 2)", scope)).toBe(
      "[1, 2].includes(input.quantity)",
    );
    expect(translateExpression("false", scope)).toBe("false");
    // filtrex's deprecated `a ? b : c` reads as `if a then b else c`.
    expect(translateExpression("quantity > stock ? 1 : 2", scope)).toBe(
      "input.quantity > product.stock ? 1 : 2",
    );
  });

  it("refuses names the scope does not know, properties of objects and unknown functions", () => {
    expect(() => translateExpression("stock + colour", scope)).toThrow(/unknown name "colour"/);
    expect(() => translateExpression("constructor", scope)).toThrow(/unknown name/);
    expect(() => translateExpression("x of stock", scope)).toThrow(/property/);
    expect(() => translateExpression("strlen(name)", scope)).toThrow(/unknown function "strlen"/);
    expect(() => translateExpression("toString(name)", scope)).toThrow(/unknown function/);
  });

  it("refuses text that is not an expression", () => {
    for (const text of ["stock +", "(stock", "stock )", "if active then 1", "stock # 2", "()"]) {
      expect(() => translateExpression(text, scope), text).toThrow(/expression/);
    }
  });
});

describe("translateRefusal", () => {
  it("negates a rule as simply as it reads", () => {
    expect(translateRefusal("active", scope)).toBe("!product.active");
    expect(translateRefusal("not archived", scope)).toBe("product.archived");
    expect(translateRefusal("quantity <= stock", scope)).toBe("!(input.quantity <= product.stock)");
  });

  it("refuses exactly when filtrex says the rule is false", () => {
    const rules = ["active", "not archived", "quantity <= stock", "active and quantity < 5"];
    for (const values of [
      { active: true, archived: false, quantity: 3, stock: 4 },
      { active: false, archived: true, quantity: 9, stock: 4 },
    ]) {
      for (const rule of rules) {
        const refuses = runTranslated(translateRefusal(rule, scope), values);
        expect(refuses, rule).toBe(!runFiltrex(rule, values));
      }
    }
  });
});

describe("variablesRead", () => {
  it("lists the variables in the order first read, constants left out", () => {
    expect(variablesRead("quantity <= stock and not active or quantity > 1 and true")).toEqual([
      "quantity",
      "stock",
      "active",
    ]);
    expect(variablesRead("abs(stock) + 'price'")).toEqual(["stock", "price"]);
  });
});
