import { describe, expect, it } from "vitest";
import { type AcceptanceCriterion, LibraryModel } from "../../contracts/spec.js";
import { renderTemplate } from "../template.js";
import {
  libraryCriterionExampleScenarios,
  parseCall,
  parseExpectedResult,
} from "./library-criterion-examples.js";
import { libraryFunctions } from "./library-scenario.js";

const functions = libraryFunctions(
  LibraryModel.parse({
    module: "./index.mjs",
    functions: {
      slugify: { parameters: [{ name: "text", type: "string" }], throws: "ValidationError" },
      parseNumber: { parameters: [{ name: "text", type: "string" }], throws: "RangeError" },
    },
  }),
);

function criterion(examples: [input: string, expected: string][]): AcceptanceCriterion {
  return {
    id: "AC3",
    text: "makes slugs",
    line: 4,
    examples: examples.map(([input, expected], index) => ({ input, expected, line: 4 + index })),
  };
}

describe("parseCall", () => {
  it("reads the function's name and JSON arguments", () => {
    expect(parseCall('`slugify("Hello World", {"max": 3}, [1, null])`')).toEqual({
      name: "slugify",
      args: ["Hello World", { max: 3 }, [1, null]],
    });
    expect(parseCall("lib.slugify()")).toEqual({ name: "slugify", args: [] });
  });

  it("reads looser arguments with YAML's flow syntax", () => {
    expect(parseCall("slugify('it''s', true)")).toEqual({ name: "slugify", args: ["it's", true] });
  });

  it("says why text is not a call", () => {
    expect(parseCall("slugify")).toMatch(/not a call/);
    expect(parseCall('slugify("a", {)')).toMatch(/arguments/);
  });
});

describe("parseExpectedResult", () => {
  it("reads a thrown error, with or without its name", () => {
    expect(parseExpectedResult("throws ValidationError")).toEqual({
      throws: { name: "ValidationError" },
    });
    expect(parseExpectedResult("`throws a RangeError`")).toEqual({
      throws: { name: "RangeError" },
    });
    expect(parseExpectedResult("throws")).toEqual({ throws: true });
  });

  it("reads a JSON value, undefined, or a looser YAML one", () => {
    expect(parseExpectedResult('`"hello-world"`')).toEqual({ json: "hello-world" });
    expect(parseExpectedResult('{"a": [1, 2]}')).toEqual({ json: { a: [1, 2] } });
    expect(parseExpectedResult("undefined")).toEqual({ json: { $undefined: true } });
    expect(parseExpectedResult("hello-world")).toEqual({ json: "hello-world" });
  });

  it("says why a result cannot be read", () => {
    expect(parseExpectedResult("{ a: [")).toMatch(/not a JSON value/);
  });
});

describe("libraryCriterionExampleScenarios", () => {
  it("makes a normal scenario per example that covers its criterion", () => {
    const notes: string[] = [];
    const scenarios = libraryCriterionExampleScenarios(
      [
        criterion([
          ['slugify("{{a}} b")', '"a-b"'],
          ['parseNumber("x")', "throws RangeError"],
        ]),
      ],
      functions,
      notes,
    );
    expect(notes).toEqual([]);
    expect(scenarios.map((scenario) => [scenario.id, scenario.covers])).toEqual([
      ["normal/AC3/example-1", ["AC3"]],
      ["normal/AC3/example-2", ["AC3"]],
    ]);
    expect(renderTemplate(scenarios[0]?.steps, {})).toEqual([
      { call: { export: "slugify", args: ["{{a}} b"] }, expect: [{ json: "a-b" }] },
    ]);
    expect(scenarios[0]?.tags).toEqual(["function:slugify", "source:criterion", "criterion:AC3"]);
    expect(scenarios[1]?.robustness).toBe(false);
  });

  it("notes an example it cannot read or whose function the model does not have", () => {
    const notes: string[] = [];
    const scenarios = libraryCriterionExampleScenarios(
      [
        criterion([
          ["camelCase('a')", '"a"'],
          ["slugify(", '"a"'],
          ['slugify("a")', "{"],
        ]),
      ],
      functions,
      notes,
    );
    expect(scenarios).toEqual([]);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toBe(
      `AC3 (line 4): the example "camelCase('a')" cannot be run: the model has no function camelCase`,
    );
  });
});
