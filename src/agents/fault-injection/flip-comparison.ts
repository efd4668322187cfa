/**
 * The `flip-comparison` fault: a comparison of a check (`<` ↔ `<=`, `>` ↔ `>=`) is flipped, so the
 * boundary value itself lands on the wrong side: `limit <= maximumLimit` starts refusing the maximum.
 */
import ts from "typescript";
import type { FaultCandidate } from "./fault-candidate.js";
import { descendants, lineOf, quote, quoteText } from "./source-syntax.js";

const flipped: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: "<=",
  [ts.SyntaxKind.LessThanEqualsToken]: "<",
  [ts.SyntaxKind.GreaterThanToken]: ">=",
  [ts.SyntaxKind.GreaterThanEqualsToken]: ">",
};

export function findFlipComparison(sourceFile: ts.SourceFile, file: string): FaultCandidate[] {
  return descendants(sourceFile)
    .filter((node): node is ts.BinaryExpression => isRelational(node) && isCheck(node))
    .map((comparison) => {
      const operator = comparison.operatorToken;
      const replacement = flipped[operator.kind] ?? operator.getText();
      const before = quote(comparison);
      const after = `${comparison.left.getText()} ${replacement} ${comparison.right.getText()}`;
      return {
        kind: "flip-comparison",
        file,
        line: lineOf(sourceFile, operator.getStart(sourceFile)),
        description: `flipped "${before}" to "${quoteText(after)}"`,
        edit: { start: operator.getStart(sourceFile), end: operator.getEnd(), text: replacement },
      };
    });
}

export function isRelational(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && flipped[node.operatorToken.kind] !== undefined;
}

/**
 * A comparison that decides something: it is (through `!`, `&&`, `||` and parentheses) the condition of
 * an `if` or a `?:`, or what a function returns (`(product, input) => input.quantity <= product.stock`).
 * Loop conditions are not checks.
 */
export function isCheck(comparison: ts.Expression): boolean {
  let node: ts.Node = comparison;
  let parent = node.parent;
  while (
    ts.isParenthesizedExpression(parent) ||
    (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) ||
    (ts.isBinaryExpression(parent) && isLogical(parent.operatorToken.kind))
  ) {
    node = parent;
    parent = node.parent;
  }
  if (ts.isIfStatement(parent)) return parent.expression === node;
  if (ts.isConditionalExpression(parent)) return parent.condition === node;
  if (ts.isArrowFunction(parent)) return parent.body === node;
  return ts.isReturnStatement(parent);
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken;
}
