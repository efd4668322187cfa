import { describe, expect, it } from "vitest";
import { CliStep, FunctionStep, type Scenario } from "../../contracts/scenario.js";
import { ModelExample } from "../../contracts/spec.js";
import {
  distinctScenarios,
  idPart,
  modelExampleScenarios,
  titleText,
  unquoteCode,
} from "./cli-library-shared.js";

function scenario(id: string, args: string[]): Scenario {
  return { id, category: "edge", title: id, tags: [], steps: [{ run: { args }, expect: [] }] };
}

describe("idPart", () => {
  it("keeps letters, digits, '.', '-' and '_' and replaces the rest", () => {
    expect(idPart("AC-7")).toBe("AC-7");
    expect(idPart("dry run/x")).toBe("dry-run-x");
    expect(idPart("--")).toBe("x");
  });
});

describe("distinctScenarios", () => {
  it("drops later scenarios with the same steps and makes repeated ids unique", () => {
    const kept = distinctScenarios([
      scenario("edge/a", ["1"]),
      scenario("edge/b", ["1"]),
      scenario("edge/a", ["2"]),
      scenario("edge/a", ["3"]),
    ]);
    expect(kept.map((item) => item.id)).toEqual(["edge/a", "edge/a-2", "edge/a-3"]);
  });
});

describe("titleText", () => {
  it("escapes control characters and cuts long text", () => {
    expect(titleText("a\nb\tc\u0000")).toBe("a\\nb\\tc\\u0000");
    expect(titleText("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("unquoteCode", () => {
  it("takes the text out of a code span", () => {
    expect(unquoteCode(" `212` ")).toBe("212");
    expect(unquoteCode("``a ` b``")).toBe("a ` b");
    expect(unquoteCode("exit 2")).toBe("exit 2");
  });
});

describe("modelExampleScenarios", () => {
  const examples = [
    ModelExample.parse({
      title: "Converts boiling water",
      criteria: ["AC1"],
      steps: [{ run: { args: ["--to", "fahrenheit", "100"] }, expect: [{ exitCode: 0 }] }],
    }),
    ModelExample.parse({
      title: "A call in a cli spec",
      category: "edge",
      steps: [{ call: { export: "f" } }],
    }),
  ];

  it("keeps an example's steps, category and criteria, and notes one of the wrong kind", () => {
    const notes: string[] = [];
    const scenarios = modelExampleScenarios(examples, CliStep, notes);
    expect(scenarios).toEqual([
      {
        id: "normal/example-1",
        category: "normal",
        title: "Converts boiling water",
        tags: ["source:example", "criterion:AC1"],
        covers: ["AC1"],
        steps: [{ run: { args: ["--to", "fahrenheit", "100"] }, expect: [{ exitCode: 0 }] }],
      },
    ]);
    expect(notes).toEqual([
      'model example 2 ("A call in a cli spec") has a step that is not a valid step of this kind; it was left out',
    ]);
  });

  it("reads function steps with the function step schema", () => {
    const notes: string[] = [];
    const scenarios = modelExampleScenarios(examples, FunctionStep, notes);
    expect(scenarios.map((item) => item.id)).toEqual(["edge/example-2"]);
    expect(scenarios[0]?.covers).toBeUndefined();
    expect(notes).toHaveLength(1);
  });
});
