/**
 * The `drop-validation` fault: a guard that refuses input (`if (…) return send(response, 400, …)`,
 * `if (…) throw new ValidationError(…)`) is removed, so what it refused goes on as if it were valid.
 */
import ts from "typescript";
import { guardRefusal, refusalContext } from "./client-error-answers.js";
import type { FaultCandidate, SourceEdit } from "./fault-candidate.js";
import { descendants, lineOf, quote } from "./source-syntax.js";

export function findDropValidation(sourceFile: ts.SourceFile, file: string): FaultCandidate[] {
  const context = refusalContext(sourceFile);
  return descendants(sourceFile).flatMap((node): FaultCandidate[] => {
    if (!ts.isIfStatement(node)) return [];
    const refusal = guardRefusal(node, context);
    if (refusal === undefined) return [];
    const condition = quote(node.expression);
    return [
      {
        kind: "drop-validation",
        file,
        line: lineOf(sourceFile, node.getStart(sourceFile)),
        description: `removed the guard "if (${condition})" that refused with "${quote(refusal, 50)}"`,
        edit: removal(node, sourceFile),
      },
    ];
  });
}

/**
 * Removes the statement with its whole lines when it has them to itself; an `if` that is the body of
 * another statement (`else if`, a braceless loop) becomes an empty block, so the code still parses.
 */
function removal(statement: ts.Statement, sourceFile: ts.SourceFile): SourceEdit {
  const start = statement.getStart(sourceFile);
  const end = statement.getEnd();
  const parent = statement.parent;
  const inList = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseOrDefaultClause(parent);
  if (!inList) return { start, end, text: "{}" };
  const text = sourceFile.text;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone =
    text.slice(lineStart, start).trim() === "" && text.slice(end, lineEnd).trim() === "";
  return alone ? { start: lineStart, end: lineEnd, text: "" } : { start, end, text: "" };
}
