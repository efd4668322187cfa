import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import type { Scenario } from "../../contracts/scenario.js";
import { LibraryModel, type Spec } from "../../contracts/spec.js";
import { boundaryCases, isValidValue } from "./field-values.js";
import { edgeLibraryScenarios } from "./library-edge.js";
import { libraryGenerationContext } from "./library-generation-context.js";

const spec: Spec = bareSpec("text", "library");
const model = LibraryModel.parse({
  module: "./text.mjs",
  functions: {
    pad: {
      parameters: [
        { name: "text", type: "string", required: true, maxLength: 10 },
        { name: "width", type: "integer", min: 0, max: 80 },
      ],
      returns: { type: "string" },
      throws: "ValidationError",
    },
    percent: {
      parameters: [{ name: "ratio", type: "number", required: true, min: 0, max: 1 }],
      throws: "RangeError",
    },
  },
});

function edgeOf(edge: number): Scenario[] {
  const counts = { normal: 5, edge, malicious: 0 };
  return edgeLibraryScenarios(libraryGenerationContext({ spec, model, counts, seed: 2 }));
}

function stepOf(scenarios: readonly Scenario[], id: string) {
  const scenario = scenarios.find((item) => item.id === id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  return { scenario, step: scenario.steps[0] as { call: { args: unknown[] }; expect: unknown[] } };
}

describe("edgeLibraryScenarios", () => {
  const scenarios = edgeOf(10);

  it("puts every boundary case of every parameter into a valid call", () => {
    const width = model.functions.pad?.parameters[1];
    if (width === undefined) throw new Error("no parameter");
    for (const boundary of boundaryCases(width, { required: false })) {
      const { step } = stepOf(scenarios, `edge/pad/width/${boundary.label}`);
      const valid = isValidValue(width, boundary.value);
      expect(step.expect, boundary.label).toEqual(
        valid ? [{ jsonSchema: { type: "string" } }] : [{ throws: { name: "ValidationError" } }],
      );
    }
  });

  it("starts with a required parameter left out, interleaving parameters and functions", () => {
    expect(scenarios.slice(0, 3).map((scenario) => scenario.id)).toEqual([
      "edge/pad/text/missing",
      "edge/percent/ratio/missing",
      "edge/pad/width/missing",
    ]);
    expect(stepOf(scenarios, "edge/pad/text/missing").step.call.args[0]).toEqual({
      $undefined: true,
    });
    expect(stepOf(scenarios, "edge/percent/ratio/missing").step.call.args).toEqual([]);
    expect(stepOf(scenarios, "edge/pad/width/missing").step.expect).toEqual([
      { jsonSchema: { type: "string" } },
    ]);
  });

  it("turns robustness off only where the expected error is an engine error", () => {
    expect(stepOf(scenarios, "edge/percent/ratio/above-max").scenario.robustness).toBe(false);
    expect(stepOf(scenarios, "edge/percent/ratio/max").scenario.robustness).toBeUndefined();
    expect(stepOf(scenarios, "edge/pad/width/above-max").scenario.robustness).toBeUndefined();
  });

  it("repeats the cases in other valid calls only when there are too few", () => {
    expect(scenarios.some((scenario) => scenario.id.endsWith("-v2"))).toBe(false);
    const more = edgeOf(200);
    expect(more.some((scenario) => scenario.id.endsWith("-v2"))).toBe(true);
    expect(more.length).toBeGreaterThan(scenarios.length);
  });
});
