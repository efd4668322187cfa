/**
 * A YAML (or JSON, its subset) text read with the position of every node, so that a problem found later,
 * by a schema, names the line of the key at fault. A missing key has no line of its own: the line of the
 * nearest ancestor that exists is given instead.
 */
import { LineCounter, parseDocument } from "yaml";

export type YamlDocument =
  | { ok: true; value: unknown; lineOf(path: readonly PropertyKey[]): number | undefined }
  | { ok: false; line: number; message: string };

export function parseYamlDocument(text: string): YamlDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    return {
      ok: false,
      line: lineCounter.linePos(syntaxError.pos[0]).line,
      message: syntaxError.message,
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
  return { ok: true, value: document.toJS(), lineOf };
}
