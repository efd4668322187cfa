import { describe, expect, it } from "vitest";
import { expectGeneratorContract } from "../../../test/support/candidate-checks.js";
import { type Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { LibraryModel, type Spec } from "../../contracts/spec.js";
import { generateLibraryScenarios } from "./library-generator.js";

const model = LibraryModel.parse({
  module: "./text.mjs",
  functions: {
    slugify: {
      parameters: [
        { name: "text", type: "string", required: true, maxLength: 200 },
        { name: "separator", type: "string", enum: ["-", "_"] },
      ],
      returns: { type: "string", pattern: "[a-z0-9_-]*" },
      throws: "ValidationError",
    },
    clamp: {
      parameters: [
        { name: "value", type: "number", required: true },
        { name: "low", type: "integer", min: -100, max: 0 },
        { name: "high", type: "integer", min: 0, max: 100 },
      ],
      returns: "number",
      throws: "RangeError",
    },
  },
  examples: [
    {
      title: "A title becomes a slug",
      criteria: ["AC1"],
      steps: [
        { call: { export: "slugify", args: ["Hello World"] }, expect: [{ json: "hello-world" }] },
      ],
    },
    {
      title: "Refuses a number",
      category: "edge",
      steps: [{ call: { export: "slugify", args: [1] } }],
    },
  ],
});
const spec: Spec = {
  source: "specs/text.md",
  hash: "a".repeat(64),
  frontMatter: { name: "text", kind: "library" },
  title: "text",
  prose: [],
  criteria: [
    {
      id: "AC2",
      text: "clamps",
      line: 7,
      examples: [
        { input: "`clamp(150, -10, 100)`", expected: "`100`", line: 7 },
        { input: '`clamp("x")`', expected: "throws RangeError", line: 8 },
      ],
    },
  ],
};
const counts = { normal: 100, edge: 50, malicious: 30 };
const generated = generateLibraryScenarios({ spec, model, counts, seed: 5 });
const header = SuiteHeader.parse({
  name: "text",
  version: 1,
  target: "function",
  defaults: { module: model.module },
});

function inCategory(category: string): Scenario[] {
  return generated.scenarios.filter((scenario) => scenario.category === category);
}

describe("generateLibraryScenarios", () => {
  it("offers more than the requested counts of valid function scenarios, with distinct ids", () => {
    expectGeneratorContract(generated, header, counts);
  });

  it("puts the model's examples, then the criteria's examples, first in their categories", () => {
    expect(
      inCategory("normal")
        .slice(0, 3)
        .map((scenario) => scenario.id),
    ).toEqual(["normal/example-1", "normal/AC2/example-1", "normal/AC2/example-2"]);
    expect(inCategory("edge")[0]?.id).toBe("edge/example-2");
    expect(inCategory("normal")[1]?.steps[0]).toEqual({
      call: { export: "clamp", args: [150, -10, 100] },
      expect: [{ json: 100 }],
    });
  });

  it("is the same for the same seed, and draws other values for another seed", () => {
    expect(generateLibraryScenarios({ spec, model, counts, seed: 5 })).toEqual(generated);
    const other = generateLibraryScenarios({ spec, model, counts, seed: 6 });
    expect(other.scenarios).not.toEqual(generated.scenarios);
  });
});
