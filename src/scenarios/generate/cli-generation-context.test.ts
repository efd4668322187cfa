import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import { CliModel, type Spec } from "../../contracts/spec.js";
import { cliGenerationContext, validLineExpectations } from "./cli-generation-context.js";

const spec: Spec = bareSpec("todo", "cli");

describe("cliGenerationContext", () => {
  it("shares the wanted valid lines among the subcommands, with a margin", () => {
    const model = CliModel.parse({
      command: ["todo"],
      commands: {
        add: { arguments: [{ name: "title", type: "string", required: true }] },
        done: { arguments: [{ name: "id", type: "integer", required: true, min: 1 }] },
      },
    });
    const counts = { normal: 100, edge: 50, malicious: 30 };
    const generation = cliGenerationContext({ spec, model, counts, seed: 1 });
    expect(generation.targets).toHaveLength(2);
    expect(generation.validLinesPerTarget).toBe(65);
    expect(generation.edgeWanted).toBe(63);
    for (const target of generation.targets) {
      expect(generation.baselines.get(target)?.command).toBe(target.command);
    }
    expect(generation.notes).toEqual([]);
  });

  it("notes a target whose required parameter has no valid value", () => {
    const model = CliModel.parse({
      command: ["x"],
      options: { code: { type: "string", required: true, pattern: "a", minLength: 3 } },
    });
    const generation = cliGenerationContext({
      spec,
      model,
      counts: { normal: 10, edge: 10, malicious: 10 },
      seed: 1,
    });
    const [target] = generation.targets;
    expect(target && generation.baselines.get(target)).toBeUndefined();
    expect(generation.notes).toHaveLength(2);
    expect(generation.notes[1]).toContain("only its help and usage scenarios");
  });
});

describe("validLineExpectations", () => {
  const model = CliModel.parse({
    command: ["tempconv"],
    arguments: [{ name: "value", type: "number", required: true }],
    output: { pattern: "^-?\\d+$" },
  });
  const counts = { normal: 5, edge: 5, malicious: 5 };
  const line = { options: [], arguments: ["12"] };

  it("expects success when the spec never shows a failing line", () => {
    const generation = cliGenerationContext({ spec, model, counts, seed: 1 });
    const [target] = generation.targets;
    if (target === undefined) throw new Error("no target");
    expect(generation.failureShownBy).toBeUndefined();
    expect(validLineExpectations(generation, target, line)[0]).toEqual({ exitCode: 0 });
  });

  it("also accepts a clean failure when a criterion's example shows one", () => {
    const failing: Spec = {
      ...spec,
      criteria: [
        {
          id: "AC5",
          text: "below absolute zero fails",
          line: 27,
          examples: [{ input: "tempconv -- -1000", expected: "`exit 1`", line: 27 }],
        },
      ],
    };
    const generation = cliGenerationContext({ spec: failing, model, counts, seed: 1 });
    const [target] = generation.targets;
    if (target === undefined) throw new Error("no target");
    expect(generation.failureShownBy).toBe("AC5 (line 27)");
    expect(generation.notes[0]).toMatch(/^AC5 \(line 27\) shows a valid command line that fails/);
    expect(validLineExpectations(generation, target, line)).toEqual([
      { expression: expect.stringContaining("(exitCode == 1 and stderr != '')") },
    ]);
  });

  it("also accepts a clean failure when a model example shows one", () => {
    const withExample = CliModel.parse({
      ...model,
      errors: { failure: 4 },
      examples: [
        { title: "works", steps: [{ run: { args: ["1"] }, expect: [{ exitCode: 0 }] }] },
        { title: "fails", steps: [{ run: { args: ["x"] }, expect: [{ exitCode: 4 }] }] },
      ],
    });
    const generation = cliGenerationContext({ spec, model: withExample, counts, seed: 1 });
    expect(generation.failureShownBy).toBe("model example 2");
  });
});

describe("validLineExpectations with the model's rules", () => {
  const spec: Spec = {
    source: "tempconv.md",
    hash: "h",
    frontMatter: { name: "tempconv", kind: "cli" },
    title: "tempconv",
    prose: [],
    criteria: [
      {
        id: "AC1",
        text: "below absolute zero fails",
        line: 3,
        examples: [{ input: "tempconv --from kelvin -- -1", expected: "exit 1", line: 3 }],
      },
    ],
  };
  const model = CliModel.parse({
    command: ["node", "tempconv.mjs"],
    options: { from: { type: "string", enum: ["celsius", "kelvin"], required: true } },
    arguments: [{ name: "value", type: "number", required: true }],
    output: { pattern: "^-?\\d+$" },
    requires: [
      { check: 'from != "celsius" or value >= -273.15', error: "below absolute zero" },
      { check: 'from != "kelvin" or value >= 0', error: "below absolute zero" },
    ],
  });
  const generation = cliGenerationContext({
    spec,
    model,
    counts: { normal: 5, edge: 5, malicious: 5 },
    seed: 1,
  });
  const [target] = generation.targets;
  const lineWith = (from: string, value: string) => ({
    options: [{ name: "from", text: from }],
    arguments: [value],
  });

  it("expects the clean failure exactly when a line breaks a rule, and success otherwise", () => {
    if (target === undefined) throw new Error("no target");
    expect(generation.failureShownBy).toBe("AC1 (line 3)");
    expect(validLineExpectations(generation, target, lineWith("kelvin", "-1"))).toEqual([
      { exitCode: 1 },
      { stdoutMatches: "^$" },
      { stderrMatches: "\\S" },
    ]);
    expect(validLineExpectations(generation, target, lineWith("celsius", "-1"))[0]).toEqual({
      exitCode: 0,
    });
    expect(validLineExpectations(generation, target, lineWith("celsius", "-300"))[0]).toEqual({
      exitCode: 1,
    });
  });
});
