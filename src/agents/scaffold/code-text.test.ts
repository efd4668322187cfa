import { describe, expect, it } from "vitest";
import {
  commentText,
  docComment,
  importStatement,
  lines,
  literal,
  objectLiteral,
  regexLiteral,
  wholePatternSource,
  wrapWords,
} from "./code-text.js";

/** Evaluates a TypeScript expression that is also JavaScript. */
function evaluate(code: string): unknown {
  return new Function(`return (${code});`)();
}

describe("literal", () => {
  it("writes values that read back as themselves, whatever the text holds", () => {
    for (const value of [
      "plain",
      'quote " and \\ backslash',
      "line\nbreak \u2028",
      3,
      -2.5,
      true,
    ]) {
      expect(evaluate(literal(value))).toEqual(value);
    }
    expect(literal(["a", 1])).toBe('["a", 1]');
  });
});

describe("objectLiteral", () => {
  it("keeps an object on one line when it fits, and one entry a line when not", () => {
    expect(objectLiteral([["a", "1"]], "  ", 10)).toBe("{ a: 1 }");
    expect(objectLiteral([], "", 0)).toBe("{}");
    const long = objectLiteral(
      [
        ["first", literal("x".repeat(80))],
        ["second", "2"],
      ],
      "  ",
      10,
    );
    expect(long).toBe(`{\n    first: "${"x".repeat(80)}",\n    second: 2,\n  }`);
  });
});

describe("regexLiteral and wholePatternSource", () => {
  it("write a pattern that matches exactly what the spec's pattern matches, as a whole", () => {
    const cases: [string, string[], string[]][] = [
      ["^[A-Z]{3}-[0-9]{4}$", ["HAM-0001"], ["ham-0001", "HAM-00012"]],
      ["[a-z]+", ["abc"], ["abc1", "1abc"]],
      ["a|b", ["a", "b"], ["ab"]],
      ["^a$|^b$", ["a", "b"], ["ab"]],
      ["a/b", ["a/b"], ["ab"]],
      ["[/]x", ["/x"], ["x"]],
      ["\\d+\\$", ["12$"], ["12"]],
    ];
    for (const [pattern, matching, others] of cases) {
      const regex = evaluate(regexLiteral(wholePatternSource(pattern))) as RegExp;
      for (const text of matching) expect(regex.test(text), `${pattern} ~ ${text}`).toBe(true);
      for (const text of others) expect(regex.test(text), `${pattern} !~ ${text}`).toBe(false);
    }
  });

  it("writes an anchored pattern as the spec wrote it", () => {
    expect(regexLiteral(wholePatternSource("^[A-Z]{3}$"))).toBe("/^[A-Z]{3}$/u");
    expect(wholePatternSource("[a-z]+")).toBe("^(?:[a-z]+)$");
  });
});

describe("comments", () => {
  it("cannot be closed by a description", () => {
    expect(commentText("ends here */ alert(1)")).toBe("ends here *\\/ alert(1)");
    expect(() => new Function(`${docComment("a */ b")}\nreturn 1;`)).not.toThrow();
  });

  it("wrap to the line width", () => {
    const comment = docComment("word ".repeat(40), "  ");
    for (const line of comment.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    expect(comment.startsWith("  /**\n")).toBe(true);
    expect(docComment("short")).toBe("/** short */");
    expect(wrapWords("aa bb cc", 5)).toEqual(["aa bb", "cc"]);
  });
});

describe("lines and importStatement", () => {
  it("leave out what is false and break long imports", () => {
    expect(lines("a", false, undefined, "b")).toBe("a\nb");
    expect(importStatement(["a", "type B"], "./x.js")).toBe('import { a, type B } from "./x.js";');
    const long = importStatement(
      Array.from({ length: 12 }, (_, index) => `name${index}`),
      "./x.js",
    );
    expect(long.split("\n")).toHaveLength(14);
  });
});
