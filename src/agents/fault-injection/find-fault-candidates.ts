/**
 * Every fault of the asked-for kinds that one source file offers, in a stable order (kind, then place
 * in the file), each checked to leave a file that still parses: an injected fault is a bug in working
 * code, never a build that does not start.
 */
import type ts from "typescript";
import { findBreakErrorPath } from "./break-error-path.js";
import { findDropValidation } from "./drop-validation.js";
import { applyEdit, type FaultCandidate, type FaultKind, faultKinds } from "./fault-candidate.js";
import { findFlipComparison } from "./flip-comparison.js";
import { findOffByOne } from "./off-by-one.js";
import { parseSource, syntaxErrors } from "./source-syntax.js";

const finders: Record<FaultKind, (sourceFile: ts.SourceFile, file: string) => FaultCandidate[]> = {
  "drop-validation": findDropValidation,
  "flip-comparison": findFlipComparison,
  "break-error-path": findBreakErrorPath,
  "off-by-one": findOffByOne,
};

export function findFaultCandidates(
  file: string,
  text: string,
  kinds: readonly FaultKind[] = faultKinds,
): FaultCandidate[] {
  if (syntaxErrors(file, text).length > 0) return [];
  const sourceFile = parseSource(file, text);
  return faultKinds
    .filter((kind) => kinds.includes(kind))
    .flatMap((kind) => finders[kind](sourceFile, file))
    .filter((candidate) => syntaxErrors(file, applyEdit(text, candidate.edit)).length === 0);
}
