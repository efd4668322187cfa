/**
 * The cli generator against real programs: the scenarios generated from a small model, run by the real
 * runner against a hand-written cli that follows the conventions, must all pass — a generated suite that
 * fails a correct build would stop good software at the gate. A build that accepts an out-of-range value
 * must be caught by some scenario. The tempconv example's build, whose spec has a failure rule the model
 * cannot express (below absolute zero exits 1), must pass the suite generated from its spec.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Scenario, SuiteHeader } from "../../src/contracts/scenario.js";
import { CliModel, type Spec } from "../../src/contracts/spec.js";
import { createStepRunner } from "../../src/runners/create-step-runner.js";
import { runSuite } from "../../src/runners/run-suite.js";
import { NoSandbox } from "../../src/runners/sandbox/index.js";
import { generateCliScenarios } from "../../src/scenarios/generate/cli-generator.js";
import { scenarioSchemaFor } from "../../src/scenarios/scenario-schema.js";

const folder = fileURLToPath(new URL("../fixtures/cli-targets", import.meta.url));

const model = CliModel.parse({
  command: ["node", "scale.mjs"],
  options: {
    factor: { type: "integer", min: -5, max: 5, default: 1 },
    label: { type: "string", maxLength: 12 },
  },
  arguments: [{ name: "value", type: "number", required: true, min: -1000, max: 1000 }],
  output: { pattern: "^-?[0-9]+(\\.[0-9]+)?$" },
  examples: [
    {
      title: "Scales by a negative factor",
      criteria: ["AC1"],
      steps: [
        { run: { args: ["--factor=-2", "--", "-3.5"] }, expect: [{ stdoutMatches: "^7\\n$" }] },
      ],
    },
  ],
});

const spec: Spec = {
  source: "specs/scale.md",
  hash: "0".repeat(64),
  frontMatter: { name: "scale", kind: "cli" },
  title: "Scale",
  prose: [],
  criteria: [
    {
      id: "AC1",
      text: "Prints the value times the factor",
      line: 5,
      examples: [
        { input: "scale --factor 3 2.5", expected: "`7.5`", line: 5 },
        { input: "scale --factor 9 1", expected: "exit 2", line: 6 },
        { input: "scale --label 'two words' 4", expected: "4", line: 7 },
      ],
    },
  ],
};

const { scenarios, notes } = generateCliScenarios({
  spec,
  model,
  counts: { normal: 40, edge: 50, malicious: 30 },
  seed: 20240611,
});

function headerFor(command: string[]): SuiteHeader {
  return SuiteHeader.parse({
    name: "scale",
    version: 1,
    target: "cli",
    defaults: { command, timeoutMs: 20_000 },
  });
}

async function runAll(command: string[], selected: Scenario[], buildFolder = folder) {
  const suite = { header: headerFor(command), scenarios: selected, folder: buildFolder };
  const now = () => performance.now();
  const stepRunner = createStepRunner({ suite, sandbox: new NoSandbox(), concurrency: 4, now });
  try {
    const summary = await runSuite({
      suite,
      stepRunner,
      concurrency: 4,
      runId: "cli-generation",
      now,
    });
    return summary.results;
  } finally {
    await stepRunner.close();
  }
}

describe("generated cli scenarios run against real programs", () => {
  it("are valid scenarios of a cli suite", () => {
    const schema = scenarioSchemaFor(headerFor(model.command));
    for (const scenario of scenarios) expect(schema.safeParse(scenario).error).toBeUndefined();
    expect(notes).toEqual([]);
    const ids = scenarios.map((scenario) => scenario.id);
    expect(ids.slice(0, 4)).toEqual([
      "normal/example-1",
      "normal/AC1/example-1",
      "normal/AC1/example-2",
      "normal/AC1/example-3",
    ]);
  });

  it("all pass against a build that follows the conventions", { timeout: 180_000 }, async () => {
    const results = await runAll(model.command, scenarios);
    expect(results).toHaveLength(scenarios.length);
    expect(results.filter((result) => !result.pass)).toEqual([]);
    for (const category of ["normal", "edge", "malicious"] as const) {
      expect(results.filter((result) => result.category === category).length).toBeGreaterThan(10);
    }
  });

  it("catch a build that accepts a value outside its range", { timeout: 60_000 }, async () => {
    const edge = scenarios.filter((scenario) => scenario.category === "edge");
    const results = await runAll(["node", "scale-lenient.mjs"], edge);
    const failed = results.filter((result) => !result.pass).map((result) => result.scenario);
    expect(failed).toContain("edge/value/above-max");
    expect(failed).toContain("edge/value/below-min");
    expect(failed.every((id) => id.startsWith("edge/value/"))).toBe(true);
  });
});
