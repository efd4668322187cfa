import type { Paragraph } from "mdast";
import { describe, expect, it } from "vitest";
import { inlineExamples } from "./inline-examples.js";
import { parseMarkdown } from "./markdown-tree.js";

function examples(markdown: string) {
  const paragraph = parseMarkdown(markdown).children[0] as Paragraph;
  return inlineExamples(paragraph).map(({ input, expected }) => [input, expected]);
}

describe("inlineExamples", () => {
  it("reads a code span, an arrow and a code span", () => {
    expect(examples("Converts: `tempconv --to f 100` → `212` always.")).toEqual([
      ["tempconv --to f 100", "212"],
    ]);
  });

  it("reads plain text after the arrow up to the end of the sentence", () => {
    expect(examples('`POST /todos {"title": "Milk"}` → 201 Created. Then more.')).toEqual([
      ['POST /todos {"title": "Milk"}', "201 Created"],
    ]);
    expect(examples("`half 7` -> 3.5 exactly")).toEqual([["half 7", "3.5 exactly"]]);
  });

  it("accepts -> and no spaces around the arrow", () => {
    expect(examples("`a`->`b` and `c`→d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("ends an example where the next one starts", () => {
    expect(examples("`GET /a` → 200, `GET /b` → 404 and `GET /c` → 410; done")).toEqual([
      ["GET /a", "200"],
      ["GET /b", "404"],
      ["GET /c", "410"],
    ]);
  });

  it("reads emphasis in the expected text as plain text", () => {
    expect(examples("`x` → **400** with an error.")).toEqual([["x", "400 with an error"]]);
  });

  it("ignores code spans without an arrow and arrows with nothing after them", () => {
    expect(examples("Run `make` then → `test`")).toEqual([]);
    expect(examples("`x` → .")).toEqual([]);
  });

  it("gives the line of the input's code span", () => {
    const paragraph = parseMarkdown("Some text\nand `a b` → `c`").children[0] as Paragraph;
    expect(inlineExamples(paragraph)).toEqual([{ input: "a b", expected: "c", line: 2 }]);
  });
});
