import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import type { Scenario } from "../../contracts/scenario.js";
import { LibraryModel, type Spec } from "../../contracts/spec.js";
import { stringPayloads } from "../malicious/index.js";
import { renderTemplate } from "../template.js";
import { libraryGenerationContext } from "./library-generation-context.js";
import { maliciousLibraryScenarios, oversizedStringBytes } from "./library-malicious.js";

const spec: Spec = bareSpec("text", "library");
const model = LibraryModel.parse({
  module: "./text.mjs",
  functions: {
    slugify: {
      parameters: [
        { name: "text", type: "string", required: true, maxLength: 100 },
        { name: "limit", type: "integer", min: 1, max: 100 },
      ],
      returns: { type: "string" },
      throws: "ValidationError",
    },
  },
});
const scenarios = maliciousLibraryScenarios(
  libraryGenerationContext({ spec, model, counts: { normal: 5, edge: 5, malicious: 30 }, seed: 8 }),
);

function find(id: string): Scenario {
  const scenario = scenarios.find((item) => item.id === id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  return scenario;
}

describe("maliciousLibraryScenarios", () => {
  it("starts with prototype pollution of every parameter, then the other kinds", () => {
    expect(scenarios.slice(0, 4).map((scenario) => scenario.id)).toEqual([
      "malicious/slugify/text/prototype-pollution-1",
      "malicious/slugify/limit/prototype-pollution-1",
      "malicious/slugify/text/oversized",
      "malicious/slugify/limit/type-confusion-1",
    ]);
  });

  it("sends a pollution object as an own __proto__ key, then checks a later valid call", () => {
    const [hostile, later] = find("malicious/slugify/text/prototype-pollution-1").steps as {
      call: { args: unknown[] };
      expect: unknown[];
    }[];
    expect(JSON.stringify(hostile?.call.args[0])).toBe('{"__proto__":{"shopfloorPolluted":true}}');
    expect(hostile?.expect).toEqual([{ throws: { name: "ValidationError" } }]);
    expect(later?.expect).toEqual([{ jsonSchema: { type: "string" } }]);
    expect(typeof later?.call.args[0]).toBe("string");
  });

  it("expects values of the wrong type to be refused", () => {
    const step = find("malicious/slugify/limit/type-confusion-1").steps[0] as {
      call: { args: unknown[] };
      expect: unknown[];
    };
    expect(step.call.args[1]).toBeNull();
    expect(step.expect).toEqual([{ throws: { name: "ValidationError" } }]);
  });

  it("refuses a 1 MiB string where at most 100 characters are allowed", () => {
    const step = find("malicious/slugify/text/oversized").steps[0] as {
      call: { args: string[] };
      expect: unknown[];
    };
    expect(step.call.args[0]).toHaveLength(oversizedStringBytes);
    expect(step.expect).toEqual([{ throws: { name: "ValidationError" } }]);
  });

  it("sends every string payload, NUL included, to text parameters as written", () => {
    const sent = scenarios
      .filter((scenario) => scenario.id.startsWith("malicious/slugify/text/"))
      .map((scenario) => renderTemplate(scenario.steps[0], {}) as { call: { args: unknown[] } })
      .map((step) => step.call.args[0]);
    for (const payload of stringPayloads) expect(sent).toContain(payload.value);
    const sql = find("malicious/slugify/text/sql-injection-1").steps[0] as { expect: unknown[] };
    expect(sql.expect).toEqual([{ jsonSchema: { type: "string" } }]);
    expect(
      scenarios.some((scenario) => scenario.id.startsWith("malicious/slugify/limit/sql")),
    ).toBe(false);
  });
});
