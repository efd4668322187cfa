/**
 * A fault the wrapper could inject: its kind, where it is (a file of the worktree and a 1-based line),
 * what it does in a sentence, and the one text edit that makes it. Candidates are found by the four
 * finders and one of them is applied.
 */

export const faultKinds = [
  "drop-validation",
  "flip-comparison",
  "break-error-path",
  "off-by-one",
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Replace the text from `start` to `end` (offsets in the file's text) with `text`. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

export interface FaultCandidate {
  kind: FaultKind;
  /** The file's path relative to the worktree, with `/` separators. */
  file: string;
  line: number;
  description: string;
  edit: SourceEdit;
}

export function applyEdit(source: string, edit: SourceEdit): string {
  return source.slice(0, edit.start) + edit.text + source.slice(edit.end);
}
