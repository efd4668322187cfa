import { describe, expect, it } from "vitest";
import { LibraryModel } from "../../contracts/spec.js";
import { renderTemplate } from "../template.js";
import { omitted } from "./field-values.js";
import {
  callStep,
  encodeArguments,
  libraryFunctions,
  libraryScenario,
  libraryScenarioId,
} from "./library-scenario.js";

const model = LibraryModel.parse({
  module: "./index.mjs",
  functions: {
    slugify: {
      parameters: [{ name: "text", type: "string", required: true }],
      returns: { type: "string", maxLength: 10 },
      throws: "ValidationError",
    },
    parse: { parameters: [{ name: "source", type: "string" }], throws: "SyntaxError" },
  },
});
const [slugify, parse] = libraryFunctions(model);
if (slugify === undefined || parse === undefined) throw new Error("no functions");

describe("libraryFunctions", () => {
  it("lists each function with its parameters, returns and error name", () => {
    expect(slugify.name).toBe("slugify");
    expect(slugify.returns).toMatchObject({ type: "string", maxLength: 10 });
    expect(parse.throws).toBe("SyntaxError");
    expect(parse.returns).toBeUndefined();
  });
});

describe("encodeArguments", () => {
  it("leaves out trailing omitted arguments and tags the ones JSON cannot carry", () => {
    expect(encodeArguments(["a", omitted, 2, omitted, omitted])).toEqual([
      "a",
      { $undefined: true },
      2,
    ]);
    expect(encodeArguments([Number.NaN, -Infinity, 10n, undefined, [undefined]])).toEqual([
      { $number: "NaN" },
      { $number: "-Infinity" },
      { $bigint: "10" },
      { $undefined: true },
      [{ $undefined: true }],
    ]);
  });

  it("escapes strings for the runner's templates, inside objects too", () => {
    const encoded = encodeArguments(["{{7*7}}", { note: "{{x}}" }]);
    expect(renderTemplate(encoded, {})).toEqual(["{{7*7}}", { note: "{{x}}" }]);
  });

  it("keeps an own __proto__ key a key, so a pollution probe reaches the function", () => {
    const probe = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const [encoded] = encodeArguments([probe]) as [object];
    expect(Object.keys(encoded)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(encoded)).toBe(Object.prototype);
    expect(JSON.stringify(encoded)).toBe('{"__proto__":{"polluted":true}}');
  });
});

describe("callStep", () => {
  it("expects a value satisfying returns for a valid call, and the function's error otherwise", () => {
    expect(callStep(slugify, ["Hello"], true)).toEqual({
      call: { export: "slugify", args: ["Hello"] },
      expect: [{ jsonSchema: { type: "string", maxLength: 10 } }],
    });
    expect(callStep(slugify, [3], false).expect).toEqual([{ throws: { name: "ValidationError" } }]);
    expect(callStep(parse, [], true).expect).toEqual([]);
  });
});

describe("libraryScenario", () => {
  it("tags the function and turns robustness off only where an engine error is expected", () => {
    const valid = libraryScenario(parse, {
      id: libraryScenarioId("edge", parse, "source", "empty"),
      category: "edge",
      title: "t",
      tags: ["parameter:source"],
      steps: [callStep(parse, [""], true)],
    });
    expect(valid.id).toBe("edge/parse/source/empty");
    expect(valid.tags).toEqual(["function:parse", "parameter:source"]);
    expect(valid.robustness).toBeUndefined();
    const invalid = libraryScenario(parse, { ...valid, steps: [callStep(parse, [1], false)] });
    expect(invalid.robustness).toBe(false);
    const custom = libraryScenario(slugify, { ...valid, steps: [callStep(slugify, [1], false)] });
    expect(custom.robustness).toBeUndefined();
  });
});
