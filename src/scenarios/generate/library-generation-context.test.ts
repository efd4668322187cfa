import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import { LibraryModel, type Spec } from "../../contracts/spec.js";
import { omitted } from "./field-values.js";
import { baselineCall, libraryGenerationContext } from "./library-generation-context.js";

const spec: Spec = bareSpec("text", "library");
const model = LibraryModel.parse({
  module: "./text.mjs",
  functions: {
    clamp: {
      parameters: [
        { name: "value", type: "number", required: true },
        { name: "low", type: "integer", min: -100, max: 0 },
      ],
    },
    impossible: {
      parameters: [{ name: "code", type: "string", required: true, pattern: "a", minLength: 2 }],
    },
  },
});

describe("libraryGenerationContext", () => {
  const generation = libraryGenerationContext({
    spec,
    model,
    counts: { normal: 20, edge: 8, malicious: 5 },
    seed: 9,
  });
  const [clamp, impossible] = generation.functions;
  if (clamp === undefined || impossible === undefined) throw new Error("no functions");

  it("shares the wanted valid calls among the functions, with a margin", () => {
    expect(generation.validCallsPerFunction).toBe(15);
    expect(generation.edgeWanted).toBe(10);
    const pools = generation.pools.get(clamp) ?? [];
    expect(pools.map((pool) => pool.length)).toEqual([15, 15]);
  });

  it("gives a baseline call with a valid value for every parameter", () => {
    const baseline = generation.baselines.get(clamp);
    expect(baseline).toHaveLength(2);
    expect(typeof baseline?.[0]).toBe("number");
    expect(Number.isInteger(baseline?.[1])).toBe(true);
  });

  it("has no baseline, and a note, for a function whose required parameter has no valid value", () => {
    expect(generation.baselines.get(impossible)).toBeUndefined();
    expect(generation.notes).toEqual([
      "no valid value could be made for parameter code of impossible; only calls that need none were made",
    ]);
  });
});

describe("baselineCall", () => {
  it("takes the variant-th value of each pool, cycling, and omits a parameter without one", () => {
    expect(baselineCall([[1, 2, 3], ["a"], []], 0)).toEqual([1, "a", omitted]);
    expect(baselineCall([[1, 2, 3], ["a"], []], 4)).toEqual([2, "a", omitted]);
  });
});
