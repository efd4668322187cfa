/**
 * The `off-by-one` fault: a numeric bound of a comparison moves by one, up or down. The bound is a
 * literal operand (`page >= 1`) or a `const` of the file with a literal value that a comparison uses
 * (`const maximumLimit = 100` in `limit <= maximumLimit`); then the declaration is what changes.
 */
import ts from "typescript";
import type { FaultCandidate } from "./fault-candidate.js";
import { isRelational } from "./flip-comparison.js";
import { descendants, lineOf, quote } from "./source-syntax.js";

interface Bound {
  /** The literal, or `-literal`, whose text is replaced. */
  node: ts.Expression;
  value: number;
  comparison: ts.BinaryExpression;
  /** Set when the bound is a const the comparison names. */
  constant?: string;
}

export function findOffByOne(sourceFile: ts.SourceFile, file: string): FaultCandidate[] {
  const nodes = descendants(sourceFile);
  const constants = numericConstants(nodes);
  const bounds = new Map<number, Bound>();
  for (const comparison of nodes.filter(isRelational)) {
    for (const operand of [comparison.left, comparison.right]) {
      const bound = boundOf(operand, comparison, constants);
      if (bound && !bounds.has(bound.node.getStart(sourceFile))) {
        bounds.set(bound.node.getStart(sourceFile), bound);
      }
    }
  }
  return [...bounds.values()]
    .sort((first, second) => first.node.getStart(sourceFile) - second.node.getStart(sourceFile))
    .flatMap((bound) => [-1, 1].map((step) => candidate(bound, step, sourceFile, file)));
}

function candidate(
  bound: Bound,
  step: number,
  sourceFile: ts.SourceFile,
  file: string,
): FaultCandidate {
  const moved = bound.value + step;
  const named = bound.constant === undefined ? "" : ` (const ${bound.constant})`;
  return {
    kind: "off-by-one",
    file,
    line: lineOf(sourceFile, bound.node.getStart(sourceFile)),
    description: `the bound ${bound.value} of "${quote(bound.comparison, 50)}" became ${moved}${named}`,
    edit: { start: bound.node.getStart(sourceFile), end: bound.node.getEnd(), text: String(moved) },
  };
}

function boundOf(
  operand: ts.Expression,
  comparison: ts.BinaryExpression,
  constants: ReadonlyMap<string, ts.Expression>,
): Bound | undefined {
  const value = literalValue(operand);
  if (value !== undefined) return { node: operand, value, comparison };
  if (!ts.isIdentifier(operand)) return undefined;
  const initializer = constants.get(operand.text);
  const constantValue = initializer === undefined ? undefined : literalValue(initializer);
  if (initializer === undefined || constantValue === undefined) return undefined;
  return { node: initializer, value: constantValue, comparison, constant: operand.text };
}

/** `3`, `1_000`, `-1`: a number written as a literal; undefined for anything else. */
function literalValue(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return -Number(node.operand.text);
  }
  return undefined;
}

/**
 * `const name = <number>` declarations whose name nothing else in the file declares (no parameter,
 * variable or function of the same name), so a use of the name can only mean that constant.
 */
function numericConstants(nodes: readonly ts.Node[]): Map<string, ts.Expression> {
  const declared = new Map<string, number>();
  const constants = new Map<string, ts.Expression>();
  for (const node of nodes) {
    const name = declaredName(node);
    if (name === undefined) continue;
    declared.set(name, (declared.get(name) ?? 0) + 1);
    if (isNumericConstant(node)) constants.set(name, node.initializer);
  }
  for (const name of constants.keys()) if (declared.get(name) !== 1) constants.delete(name);
  return constants;
}

/** The name a variable, parameter, function or destructured binding declares, if a plain one. */
function declaredName(node: ts.Node): string | undefined {
  if (!isNamedDeclaration(node) || node.name === undefined) return undefined;
  return ts.isIdentifier(node.name) ? node.name.text : undefined;
}

function isNamedDeclaration(
  node: ts.Node,
): node is
  | ts.VariableDeclaration
  | ts.ParameterDeclaration
  | ts.FunctionDeclaration
  | ts.BindingElement {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isBindingElement(node)
  );
}

function isNumericConstant(
  node: ts.Node,
): node is ts.VariableDeclaration & { initializer: ts.Expression } {
  return (
    ts.isVariableDeclaration(node) &&
    node.initializer !== undefined &&
    literalValue(node.initializer) !== undefined &&
    ts.isVariableDeclarationList(node.parent) &&
    (node.parent.flags & ts.NodeFlags.Const) !== 0
  );
}
