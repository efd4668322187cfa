/**
 * One suite file read as YAML (JSON is a subset): its value, and the line of any path in it, so that a
 * problem found later names the line of the key at fault. A missing key has no line of its own: the line
 * of the nearest ancestor that exists is given instead.
 */
import { LineCounter, parseDocument } from "yaml";
import type { LocatedProblem } from "./zod-problems.js";

export interface SourceDocument {
  /** The file as shown in messages. */
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type ParsedSource =
  | { ok: true; document: SourceDocument }
  | { ok: false; problem: LocatedProblem & { line: number } };

export function parseSourceDocument(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    return {
      ok: false,
      problem: { path: [], line, message: `not valid YAML or JSON: ${syntaxError.message}` },
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = document.getIn(path.slice(0, length), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, document: { file, value: document.toJS(), lineOf } };
}
