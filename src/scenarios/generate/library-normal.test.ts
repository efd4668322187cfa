import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import { FieldDefinition, LibraryModel, type Spec } from "../../contracts/spec.js";
import { isValidValue, omitted } from "./field-values.js";
import { libraryGenerationContext } from "./library-generation-context.js";
import { describeCall, normalLibraryScenarios } from "./library-normal.js";
import { libraryFunctions } from "./library-scenario.js";

const spec: Spec = bareSpec("text", "library");
const model = LibraryModel.parse({
  module: "./text.mjs",
  functions: {
    slugify: {
      parameters: [{ name: "text", type: "string", required: true, maxLength: 20 }],
      returns: { type: "string", pattern: "[a-z0-9-]*" },
    },
    clamp: {
      parameters: [
        { name: "value", type: "number", required: true },
        { name: "low", type: "integer", min: -100, max: 0 },
      ],
    },
  },
});

function generate(seed: number) {
  const counts = { normal: 30, edge: 0, malicious: 0 };
  return normalLibraryScenarios(libraryGenerationContext({ spec, model, counts, seed }));
}

describe("normalLibraryScenarios", () => {
  const scenarios = generate(4);

  it("offers more valid calls than asked, interleaving the functions", () => {
    expect(scenarios.length).toBeGreaterThan(30);
    expect(scenarios.slice(0, 3).map((scenario) => scenario.id)).toEqual([
      "normal/slugify/valid-1",
      "normal/clamp/valid-1",
      "normal/slugify/valid-2",
    ]);
  });

  it("calls with valid values only, sometimes leaving out an optional parameter", () => {
    const value = FieldDefinition.parse({ type: "number", required: true });
    const low = FieldDefinition.parse({ type: "integer", min: -100, max: 0 });
    let leftOut = 0;
    for (const scenario of scenarios.filter((item) => item.id.startsWith("normal/clamp/"))) {
      const step = scenario.steps[0] as { call: { args: unknown[] }; expect: unknown[] };
      expect(step.expect).toEqual([]);
      expect(isValidValue(value, step.call.args[0])).toBe(true);
      if (step.call.args.length < 2) leftOut += 1;
      else expect(isValidValue(low, step.call.args[1])).toBe(true);
    }
    expect(leftOut).toBeGreaterThan(0);
  });

  it("expects a value satisfying returns", () => {
    const step = scenarios[0]?.steps[0] as { expect: unknown[] };
    expect(step.expect).toEqual([{ jsonSchema: { type: "string", pattern: "^(?:[a-z0-9-]*)$" } }]);
    expect(scenarios[0]?.tags).toEqual(["function:slugify", "parameter:text", "aspect:output"]);
  });

  it("is the same for the same seed and differs for another", () => {
    expect(generate(4)).toEqual(scenarios);
    expect(generate(5)).not.toEqual(scenarios);
  });
});

describe("describeCall", () => {
  it("shows the call as code, left-out arguments as undefined", () => {
    const [slugify] = libraryFunctions(model);
    if (slugify === undefined) throw new Error("no function");
    expect(describeCall(slugify, ["a\nb", omitted, Number.NaN])).toBe(
      'slugify("a\\nb", undefined, NaN)',
    );
  });
});
