import { describe, expect, it } from "vitest";
import type { AcceptanceCriterion } from "../../contracts/spec.js";
import { renderTemplate } from "../template.js";
import { compilePattern } from "../text-pattern.js";
import { cliCriterionExampleScenarios } from "./cli-criterion-examples.js";

function criterion(id: string, examples: [input: string, expected: string][]): AcceptanceCriterion {
  return {
    id,
    text: "converts temperatures",
    line: 10,
    examples: examples.map(([input, expected], index) => ({ input, expected, line: 10 + index })),
  };
}

describe("cliCriterionExampleScenarios", () => {
  it("runs the command line without the program and expects the exact trimmed output", () => {
    const notes: string[] = [];
    const [scenario] = cliCriterionExampleScenarios(
      [criterion("AC1", [["`tempconv --to fahrenheit -- -40`", "`-40`"]])],
      notes,
    );
    expect(notes).toEqual([]);
    expect(scenario).toMatchObject({
      id: "normal/AC1/example-1",
      category: "normal",
      covers: ["AC1"],
      tags: ["source:criterion", "criterion:AC1"],
    });
    const step = scenario?.steps[0] as { run: { args: string[] }; expect: object[] };
    expect(step.run.args).toEqual(["--to", "fahrenheit", "--", "-40"]);
    const [exit, output] = step.expect as [object, { stdoutMatches: string }];
    expect(exit).toEqual({ exitCode: 0 });
    const pattern = compilePattern(output.stdoutMatches);
    expect(pattern.ok && pattern.value.test("-40\n")).toBe(true);
    expect(pattern.ok && pattern.value.test("-400\n")).toBe(false);
  });

  it("expects an exit code written as `exit N`", () => {
    const scenarios = cliCriterionExampleScenarios(
      [
        criterion("AC-2", [
          ["tempconv --to x 1", "exit 2"],
          ["tempconv --help", "exits with code 0"],
        ]),
      ],
      [],
    );
    expect(scenarios.map((scenario) => scenario.steps[0]?.expect)).toEqual([
      [{ exitCode: 2 }],
      [{ exitCode: 0 }],
    ]);
    expect(scenarios.map((scenario) => scenario.id)).toEqual([
      "normal/AC-2/example-1",
      "normal/AC-2/example-2",
    ]);
  });

  it("keeps quoted words and a literal {{ as written", () => {
    const [scenario] = cliCriterionExampleScenarios(
      [criterion("AC3", [[`greet --name 'Ada {{x}}'`, "Hello, Ada {{x}}!"]])],
      [],
    );
    const rendered = renderTemplate(scenario?.steps[0], {}) as {
      run: { args: string[] };
      expect: [object, { stdoutMatches: string }];
    };
    expect(rendered.run.args).toEqual(["--name", "Ada {{x}}"]);
    expect(new RegExp(rendered.expect[1].stdoutMatches, "u").test("Hello, Ada {{x}}!\n")).toBe(
      true,
    );
  });

  it("notes an example that cannot be run as one command, and goes on", () => {
    const notes: string[] = [];
    const scenarios = cliCriterionExampleScenarios(
      [
        criterion("AC4", [
          ["tempconv 100 | head", "212"],
          ["", "212"],
          ["tempconv 1", "exit 300"],
          ["tempconv 100", "212"],
        ]),
      ],
      notes,
    );
    expect(scenarios.map((scenario) => scenario.id)).toEqual(["normal/AC4/example-4"]);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(
      /^AC4 \(line 10\): the example "tempconv 100 \| head" cannot be run: /,
    );
  });
});
