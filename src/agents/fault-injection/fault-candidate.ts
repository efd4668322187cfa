/**
 * A fault the wrapper could inject: its kind, where it is (a file of the worktree and a 1-based line),
 * what it does in a sentence, and the one text edit that makes it (with any file it adds). Candidates
 * are found by the finders and one of them is applied.
 */

/** The kinds injected by default: bugs in the code that the trials can catch. */
export const faultKinds = [
  "drop-validation",
  "flip-comparison",
  "break-error-path",
  "off-by-one",
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Kinds injected only when a line-up names them: faults built so that the trials cannot see them. */
export const explicitFaultKinds = ["production-regression"] as const;
export type ExplicitFaultKind = (typeof explicitFaultKinds)[number];

/** Every kind the wrapper can inject, in the order it draws among them. */
export const allFaultKinds = [...faultKinds, ...explicitFaultKinds] as const;
export type AnyFaultKind = FaultKind | ExplicitFaultKind;

/** Replace the text from `start` to `end` (offsets in the file's text) with `text`. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** A file a fault adds to the worktree. */
export interface AddedFile {
  /** Relative to the worktree, with `/` separators. */
  file: string;
  text: string;
}

/** A fault of any kind; `FaultCandidate` is one of the default kinds, found in the code. */
export interface AnyFaultCandidate {
  kind: AnyFaultKind;
  /** The file's path relative to the worktree, with `/` separators. */
  file: string;
  line: number;
  description: string;
  edit: SourceEdit;
  /** Files written beside the edit (the edit is in `file`); absent for a fault that only edits. */
  addedFiles?: readonly AddedFile[];
}

export interface FaultCandidate extends AnyFaultCandidate {
  kind: FaultKind;
}

export function applyEdit(source: string, edit: SourceEdit): string {
  return source.slice(0, edit.start) + edit.text + source.slice(edit.end);
}
