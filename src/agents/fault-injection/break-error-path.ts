/**
 * The `break-error-path` fault: an error path stops being one. Either a refusal's 4xx status becomes
 * 500 where the refusal is made (`send(response, 400, …)` → `send(response, 500, …)`,
 * `refusal(statuses.validation, …)` → `refusal(500, …)`), or the catch of a try/catch rethrows what it
 * caught instead of handling it, so a bad request crashes the handler.
 */
import ts from "typescript";
import {
  clientErrorStatus,
  clientErrorStatuses,
  type RefusalContext,
  refusalContext,
  refusalStatuses,
} from "./client-error-answers.js";
import type { FaultCandidate } from "./fault-candidate.js";
import { descendants, lineOf, quote } from "./source-syntax.js";

/** The name given to a caught error when the catch had none: `catch {` → `catch (caught) {`. */
const caughtName = "caught";

export function findBreakErrorPath(sourceFile: ts.SourceFile, file: string): FaultCandidate[] {
  const nodes = descendants(sourceFile);
  return [...statusCandidates(nodes, sourceFile, file), ...catchCandidates(nodes, sourceFile, file)]
    .map((candidate) => ({ candidate, start: candidate.edit.start }))
    .sort((first, second) => first.start - second.start)
    .map(({ candidate }) => candidate);
}

function statusCandidates(
  nodes: readonly ts.Node[],
  sourceFile: ts.SourceFile,
  file: string,
): FaultCandidate[] {
  const context = refusalContext(sourceFile);
  const found = new Map<number, { status: ts.Expression; statement: ts.Node }>();
  for (const node of nodes) {
    for (const status of answerStatuses(node, context) ?? []) {
      found.set(status.getStart(sourceFile), { status, statement: node });
    }
  }
  return [...found.values()].map(({ status, statement }) => {
    const value = clientErrorStatus(status, context);
    const named = ts.isNumericLiteral(status) ? "" : ` (${status.getText()})`;
    return {
      kind: "break-error-path",
      file,
      line: lineOf(sourceFile, status.getStart(sourceFile)),
      description: `"${quote(statement, 50)}" answers 500 instead of ${value}${named}`,
      edit: { start: status.getStart(sourceFile), end: status.getEnd(), text: "500" },
    };
  });
}

/** The statuses of a statement that refuses, or of a constant that holds a refusal. */
function answerStatuses(node: ts.Node, context: RefusalContext): ts.Expression[] | undefined {
  if (ts.isReturnStatement(node) || ts.isExpressionStatement(node) || ts.isThrowStatement(node)) {
    return refusalStatuses(node, context);
  }
  if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
    return clientErrorStatuses(node.initializer, context);
  }
  return undefined;
}

function catchCandidates(
  nodes: readonly ts.Node[],
  sourceFile: ts.SourceFile,
  file: string,
): FaultCandidate[] {
  return nodes
    .filter((node): node is ts.CatchClause => ts.isCatchClause(node))
    .flatMap((clause): FaultCandidate[] => {
      const binding = clause.variableDeclaration?.name;
      if (binding !== undefined && !ts.isIdentifier(binding)) return [];
      if (binding !== undefined && rethrowsOnly(clause.block, binding.text)) return [];
      const handled = quote(clause.block, 50);
      const line = lineOf(sourceFile, clause.getStart(sourceFile));
      const description = `the catch on line ${line} rethrows instead of handling the error with "${handled}"`;
      const edit =
        binding === undefined
          ? {
              start: clause.getStart(sourceFile),
              end: clause.block.getEnd(),
              text: `catch (${caughtName}) { throw ${caughtName}; }`,
            }
          : {
              start: clause.block.getStart(sourceFile),
              end: clause.block.getEnd(),
              text: `{ throw ${binding.text}; }`,
            };
      return [{ kind: "break-error-path", file, line, description, edit }];
    });
}

function rethrowsOnly(block: ts.Block, name: string): boolean {
  const [only, ...rest] = block.statements;
  return (
    only !== undefined &&
    rest.length === 0 &&
    ts.isThrowStatement(only) &&
    ts.isIdentifier(only.expression) &&
    only.expression.text === name
  );
}
