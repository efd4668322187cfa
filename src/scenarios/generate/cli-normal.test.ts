import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import { CliModel, type Spec } from "../../contracts/spec.js";
import { cliGenerationContext } from "./cli-generation-context.js";
import { normalCliScenarios } from "./cli-normal.js";
import { cliTargets } from "./cli-scenario.js";
import { cliTextValidity } from "./cli-value-validity.js";

const spec: Spec = bareSpec("todo", "cli");
const model = CliModel.parse({
  command: ["node", "todo.mjs"],
  commands: {
    add: {
      arguments: [{ name: "title", type: "string", required: true, maxLength: 30 }],
      options: { priority: { type: "integer", min: 1, max: 3 }, urgent: "boolean" },
      output: { pattern: "^added \\d+$" },
    },
    done: { arguments: [{ name: "id", type: "integer", required: true, min: 1 }] },
  },
});

function generate(seed: number) {
  return normalCliScenarios(
    cliGenerationContext({ spec, model, counts: { normal: 20, edge: 0, malicious: 0 }, seed }),
  );
}

describe("normalCliScenarios", () => {
  const scenarios = generate(5);

  it("starts with --help for the program and each subcommand", () => {
    expect(scenarios.slice(0, 3).map((scenario) => scenario.steps[0])).toEqual([
      { run: { args: ["--help"] }, expect: [{ exitCode: 0 }, { stdoutMatches: "\\S" }] },
      { run: { args: ["add", "--help"] }, expect: [{ exitCode: 0 }, { stdoutMatches: "\\S" }] },
      { run: { args: ["done", "--help"] }, expect: [{ exitCode: 0 }, { stdoutMatches: "\\S" }] },
    ]);
  });

  it("offers more valid lines than asked, interleaving the subcommands", () => {
    const lines = scenarios.slice(3);
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.slice(0, 4).map((scenario) => scenario.id)).toEqual([
      "normal/add/valid-1",
      "normal/done/valid-1",
      "normal/add/valid-2",
      "normal/done/valid-2",
    ]);
    expect(new Set(lines.map((scenario) => JSON.stringify(scenario.steps))).size).toBe(
      lines.length,
    );
  });

  it("writes only valid lines, expecting exit 0 and the subcommand's output pattern", () => {
    const [add] = cliTargets(model);
    const title = add?.parameters[0];
    if (title === undefined) throw new Error("no parameter");
    const forms = new Set<string>();
    for (const scenario of scenarios.filter((item) => item.id.startsWith("normal/add/valid-"))) {
      const step = scenario.steps[0] as { run: { args: string[] }; expect: object[] };
      const args = step.run.args;
      expect(args[0]).toBe("add");
      expect(step.expect[0]).toEqual({ exitCode: 0 });
      expect(step.expect[1]).toEqual({ stdoutMatches: expect.stringContaining("added") });
      const positional = args.at(-1) ?? "";
      expect(cliTextValidity(title.field, positional.replaceAll("\\{{", "{{"))).toBe("valid");
      for (const word of args)
        if (word.startsWith("--priority")) forms.add(word.includes("=") ? "=" : " ");
      expect(scenario.tags).toContain("command:add");
      expect(scenario.tags).toContain("argument:title");
    }
    expect(forms).toEqual(new Set(["=", " "]));
  });

  it("is the same for the same seed and differs for another", () => {
    expect(generate(5)).toEqual(scenarios);
    expect(generate(6)).not.toEqual(scenarios);
  });
});
