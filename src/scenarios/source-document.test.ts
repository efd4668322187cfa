import { describe, expect, it } from "vitest";
import { parseSourceDocument, type SourceDocument } from "./source-document.js";

function parsed(text: string): SourceDocument {
  const result = parseSourceDocument(text, "crud.yaml");
  if (!result.ok) throw new Error(result.problem.message);
  return result.document;
}

describe("parseSourceDocument", () => {
  const text = [
    "scenarios:",
    "  - id: create",
    "    steps:",
    "      - request:",
    "          method: FETCH",
    "          path: /todos",
  ].join("\n");

  it("reads the value and the line of a path", () => {
    const document = parsed(text);
    expect(document.value).toEqual({
      scenarios: [{ id: "create", steps: [{ request: { method: "FETCH", path: "/todos" } }] }],
    });
    expect(document.lineOf(["scenarios", 0, "steps", 0, "request", "method"])).toBe(5);
  });

  it("gives the line of the nearest ancestor for a missing key", () => {
    expect(parsed(text).lineOf(["scenarios", 0, "title"])).toBe(2);
  });

  it("reads JSON", () => {
    const document = parsed('{\n  "scenarios": [\n    {"id": "a"}\n  ]\n}');
    expect(document.lineOf(["scenarios", 0, "id"])).toBe(3);
  });

  it("reports a syntax error with its line", () => {
    const result = parseSourceDocument("scenarios:\n  - id: a\n   title: b\n", "bad.yaml");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.line).toBe(3);
    expect(!result.ok && result.problem.message).toMatch(/^not valid YAML or JSON: /);
  });

  it("rejects a key given twice", () => {
    expect(parseSourceDocument("a: 1\na: 2\n", "twice.yaml").ok).toBe(false);
  });
});
