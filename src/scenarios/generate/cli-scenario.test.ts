import { describe, expect, it } from "vitest";
import { CliModel } from "../../contracts/spec.js";
import { renderTemplate } from "../template.js";
import {
  cliScenario,
  cliScenarioId,
  cliTargets,
  parameterLabel,
  parameterTag,
  targetTags,
  titlePrefix,
} from "./cli-scenario.js";

describe("cliTargets", () => {
  it("gives the program itself as the one target of a model without commands", () => {
    const model = CliModel.parse({
      command: ["node", "tempconv.mjs"],
      options: { to: { type: "string", required: true } },
      arguments: [{ name: "value", type: "number" }],
      output: { pattern: "^\\d+$" },
    });
    const [target, ...others] = cliTargets(model);
    expect(others).toEqual([]);
    expect(target?.command).toBeUndefined();
    expect(target?.output).toEqual({ pattern: "^\\d+$" });
    expect(target?.parameters.map((parameter) => [parameter.kind, parameter.name])).toEqual([
      ["argument", "value"],
      ["option", "to"],
    ]);
  });

  it("gives each subcommand with its own parameters and output", () => {
    const model = CliModel.parse({
      command: ["todo"],
      commands: {
        add: { arguments: [{ name: "title", type: "string", required: true }] },
        list: { options: { all: "boolean" }, output: { pattern: ".*" } },
      },
    });
    const targets = cliTargets(model);
    expect(targets.map((target) => target.command)).toEqual(["add", "list"]);
    const [add, list] = targets;
    expect(add?.parameters[0]).toMatchObject({ kind: "argument", name: "title", position: 0 });
    expect(list?.parameters[0]).toMatchObject({ kind: "option", name: "all" });
    expect(list?.output).toEqual({ pattern: ".*" });
    if (add === undefined || list === undefined) return;
    expect(cliScenarioId("edge", add, "title", "empty")).toBe("edge/add/title/empty");
    expect(targetTags(add)).toEqual(["command:add"]);
    expect(titlePrefix(add)).toBe("add: ");
    expect(parameterTag(add.parameters[0] as never)).toBe("argument:title");
    expect(parameterLabel(list.parameters[0] as never)).toBe("--all");
  });
});

describe("cliScenario", () => {
  it("is one run step whose arguments reach the program as written", () => {
    const scenario = cliScenario({
      id: "malicious/value/template-injection-1",
      category: "malicious",
      title: "t",
      tags: ["aspect:injection"],
      argv: ["--name", "{{7*7}}", "a {{ x }} b"],
      expect: [{ exitCode: 2 }],
    });
    expect(scenario.steps).toHaveLength(1);
    const rendered = renderTemplate(scenario.steps[0], {}) as { run: { args: string[] } };
    expect(rendered.run.args).toEqual(["--name", "{{7*7}}", "a {{ x }} b"]);
    expect(scenario.covers).toBeUndefined();
  });
});
