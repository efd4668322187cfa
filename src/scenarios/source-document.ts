/**
 * One suite file read as YAML (JSON is a subset): its value, and the line of any path in it, so that a
 * problem found later names the line of the key at fault. A missing key has no line of its own: the line
 * of the nearest ancestor that exists is given instead.
 */
import { parseYamlDocument } from "../contracts/yaml-document.js";
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
  const parsed = parseYamlDocument(text);
  if (!parsed.ok) {
    return {
      ok: false,
      problem: {
        path: [],
        line: parsed.line,
        message: `not valid YAML or JSON: ${parsed.message}`,
      },
    };
  }
  return { ok: true, document: { file, value: parsed.value, lineOf: parsed.lineOf } };
}
