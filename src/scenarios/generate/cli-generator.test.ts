import { describe, expect, it } from "vitest";
import { expectGeneratorContract } from "../../../test/support/candidate-checks.js";
import { type Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { CliModel, type Spec } from "../../contracts/spec.js";
import { renderTemplate } from "../template.js";
import { compilePattern } from "../text-pattern.js";
import { generateCliScenarios } from "./cli-generator.js";

const units = ["celsius", "fahrenheit", "kelvin"];
const tempconv = CliModel.parse({
  command: ["node", "tempconv.mjs"],
  options: {
    from: { type: "string", enum: units, required: true },
    to: { type: "string", enum: units, required: true },
    precision: { type: "integer", min: 0, max: 6, default: 2 },
  },
  arguments: [{ name: "value", type: "number", required: true, min: -1000000, max: 1000000 }],
  output: { pattern: "^-?[0-9]+(\\.[0-9]+)?$" },
  examples: [
    {
      title: "Water boils at 212 °F",
      criteria: ["AC1"],
      steps: [{ run: { args: ["--from", "celsius", "--to", "fahrenheit", "100"] } }],
    },
  ],
});
const spec: Spec = {
  source: "specs/tempconv.md",
  hash: "f".repeat(64),
  frontMatter: { name: "tempconv", kind: "cli" },
  title: "tempconv",
  prose: [],
  criteria: [
    {
      id: "AC2",
      text: "Converts below zero",
      line: 9,
      examples: [
        { input: "tempconv --from celsius --to fahrenheit -- -40", expected: "-40", line: 9 },
      ],
    },
  ],
};
const counts = { normal: 100, edge: 50, malicious: 30 };
const generated = generateCliScenarios({ spec, model: tempconv, counts, seed: 42 });
const header = SuiteHeader.parse({
  name: "tempconv",
  version: 1,
  target: "cli",
  defaults: { command: tempconv.command },
});

function inCategory(category: string): Scenario[] {
  return generated.scenarios.filter((scenario) => scenario.category === category);
}

function rendered(scenario: Scenario) {
  return renderTemplate(scenario.steps[0], {}) as {
    run: { args: string[] };
    expect: Record<string, unknown>[];
  };
}

describe("generateCliScenarios", () => {
  it("offers more than the requested counts of valid cli scenarios, with distinct ids", () => {
    expectGeneratorContract(generated, header, counts);
  });

  it("is the same for the same seed, and draws other values for another seed", () => {
    expect(generateCliScenarios({ spec, model: tempconv, counts, seed: 42 })).toEqual(generated);
    const other = generateCliScenarios({ spec, model: tempconv, counts, seed: 43 });
    expect(other.scenarios).not.toEqual(generated.scenarios);
  });

  it("puts the model's examples and the criteria's examples first", () => {
    expect(
      inCategory("normal")
        .slice(0, 3)
        .map((scenario) => scenario.id),
    ).toEqual(["normal/example-1", "normal/AC2/example-1", "normal/help"]);
    expect(inCategory("normal")[1]?.covers).toEqual(["AC2"]);
  });

  it("puts -- before a negative positional and never lets a negative value stand alone", () => {
    let negatives = 0;
    for (const scenario of generated.scenarios) {
      const args = rendered(scenario).run.args;
      const end = args.indexOf("--");
      args.forEach((word, index) => {
        if (!/^-\d/.test(word)) return;
        negatives += 1;
        expect(end !== -1 && end < index, `${scenario.id}: ${args.join(" ")}`).toBe(true);
      });
    }
    expect(negatives).toBeGreaterThan(10);
  });

  it("expects exit 0 and the output pattern for valid boundaries, the usage error for invalid ones", () => {
    const expectations = (id: string) =>
      rendered(generated.scenarios.find((scenario) => scenario.id === id) as Scenario).expect;
    const pattern = expectations("edge/precision/max")[1]?.stdoutMatches as string;
    const compiled = compilePattern(pattern);
    expect(compiled.ok && compiled.value.test("-459.67\n")).toBe(true);
    expect(compiled.ok && compiled.value.test("about -459.67\n")).toBe(false);
    for (const id of [
      "edge/value/max",
      "edge/value/min",
      "edge/precision/min",
      "edge/to/enum-kelvin",
    ])
      expect(expectations(id)[0], id).toEqual({ exitCode: 0 });
    for (const id of [
      "edge/value/above-max",
      "edge/value/below-min",
      "edge/precision/above-max",
      "edge/precision/below-min",
      "edge/from/enum-wrong-case",
      "edge/from/missing",
      "edge/value/missing",
    ])
      expect(expectations(id), id).toEqual([
        { exitCode: 2 },
        { stdoutMatches: "^$" },
        { stderrMatches: "\\S" },
      ]);
  });

  it("sends payloads that survive the runner's templates as written", () => {
    const probes = inCategory("malicious").filter((scenario) =>
      scenario.tags.includes("family:template-injection"),
    );
    expect(probes.length).toBeGreaterThan(0);
    const words = probes.flatMap((scenario) => rendered(scenario).run.args);
    expect(words.some((word) => word.includes("{{7*7}}"))).toBe(true);
  });
});
