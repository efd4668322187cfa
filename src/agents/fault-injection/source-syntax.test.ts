import { describe, expect, it } from "vitest";
import {
  descendants,
  lineOf,
  parseSource,
  quote,
  quoteText,
  scriptExtension,
  syntaxErrors,
} from "./source-syntax.js";

describe("scriptExtension", () => {
  it("knows TypeScript and JavaScript files, and nothing else", () => {
    expect(
      ["a.ts", "a.mts", "a.cts", "a.tsx", "a.js", "a.mjs", "a.cjs", "a.jsx"].map(scriptExtension),
    ).toEqual([".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".jsx"]);
    expect(["a.d.ts", "a.d.mts", "a.json", "README.md", "a.ts.orig"].map(scriptExtension)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("syntaxErrors", () => {
  it("is empty for code that parses, TypeScript and JavaScript alike", () => {
    expect(syntaxErrors("a.ts", "const limit: number = 3;\nexport { limit };\n")).toEqual([]);
    expect(syntaxErrors("a.mjs", "try { f(); } catch { g(); }\n")).toEqual([]);
  });

  it("gives the line and the compiler's message for code that does not", () => {
    expect(syntaxErrors("a.ts", "const a = 1;\nif (a < ) {}\n")).toEqual([
      "2: Expression expected.",
    ]);
  });

  it("refuses TypeScript syntax in a JavaScript file", () => {
    expect(syntaxErrors("a.js", "const a: number = 1;\n")).toHaveLength(1);
  });
});

describe("lineOf, quote and descendants", () => {
  const sourceFile = parseSource(
    "a.ts",
    "const a = 1;\n\nfunction   f(\n  b: number,\n) {\n  return b;\n}\n",
  );

  it("gives 1-based lines", () => {
    expect(lineOf(sourceFile, 0)).toBe(1);
    expect(lineOf(sourceFile, sourceFile.text.indexOf("return"))).toBe(6);
  });

  it("quotes a node on one line, cut with an ellipsis", () => {
    const declaration = sourceFile.statements[1];
    expect(declaration && quote(declaration, 20)).toBe("function f( b: numb…");
    expect(quoteText("a\n  b")).toBe("a b");
  });

  it("lists every node in source order", () => {
    const kinds = descendants(sourceFile).filter(
      (node) => node.kind === sourceFile.statements[0]?.kind,
    );
    expect(kinds).toHaveLength(1);
    expect(descendants(sourceFile)[0]).toBe(sourceFile.statements[0]);
  });
});
