import { describe, expect, it } from "vitest";
import { type ExpressionNode, parseExpression } from "./expression-parser.js";

/** The tree in a compact form: `(op left right)`. */
function shape(node: ExpressionNode): string {
  switch (node.kind) {
    case "number":
      return node.text;
    case "string":
      return JSON.stringify(node.value);
    case "variable":
      return node.name;
    case "unary":
      return `(${node.operator} ${shape(node.operand)})`;
    case "binary":
      return `(${node.operator} ${shape(node.left)} ${shape(node.right)})`;
    case "relation":
      return `(${node.operators.join(" ")} ${node.operands.map(shape).join(" ")})`;
    case "membership":
      return `(${node.negated ? "not in" : "in"} ${shape(node.item)} ${shape(node.collection)})`;
    case "conditional":
      return `(if ${shape(node.test)} ${shape(node.then)} ${shape(node.otherwise)})`;
    case "array":
      return `[${node.items.map(shape).join(" ")}]`;
    case "call":
      return `${node.name}(${node.arguments.map(shape).join(" ")})`;
    case "property":
      return `(of ${node.name} ${shape(node.object)})`;
  }
}

describe("parseExpression", () => {
  it("follows filtrex's precedence", () => {
    const cases: [string, string][] = [
      ["a or b and c", "(or a (and b c))"],
      ["not a == b", "(== (not a) b)"],
      ["not a * b", "(* (not a) b)"],
      ["not a ^ b", "(not (^ a b))"],
      ["-a ^ b", "(- (^ a b))"],
      ["a ^ b ^ c", "(^ a (^ b c))"],
      ["a - b - c", "(- (- a b) c)"],
      ["a + b * c mod d", "(+ a (mod (* b c) d))"],
      ["a < b + 1 <= c", "(< <= a (+ b 1) c)"],
      ["a in (1, 2) and b not in (3)", "(and (in a [1 2]) (not in b 3))"],
      ["if a then b else c or d", "(if a b (or c d))"],
      ["a or b ? c : d", "(if (or a b) c d)"],
      ["max(a, b + 1) > min()", "(> max(a (+ b 1)) min())"],
      ["x of y", "(of x y)"],
    ];
    for (const [text, expected] of cases) expect(shape(parseExpression(text)), text).toBe(expected);
  });

  it("reads filtrex's literals and names", () => {
    expect(parseExpression('"say \\"hi\\" \\\\ bye"')).toEqual({
      kind: "string",
      value: 'say "hi" \\ bye',
    });
    expect(parseExpression("'odd name'")).toEqual({ kind: "variable", name: "odd name" });
    expect(parseExpression("12.50")).toEqual({ kind: "number", text: "12.50" });
    // A keyword inside a longer word is part of the name.
    expect(shape(parseExpression("android or notes"))).toBe("(or android notes)");
  });

  it("says what is wrong with text that is not an expression", () => {
    expect(() => parseExpression("a +")).toThrow(/expression "a \+": unexpected "end"/);
    expect(() => parseExpression("a # b")).toThrow(/unexpected character "#"/);
    expect(() => parseExpression("if a then b")).toThrow(/expected "else"/);
    expect(() => parseExpression("(a, b")).toThrow(/expected "," or "\)"/);
  });
});
