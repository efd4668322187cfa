import { describe, expect, it } from "vitest";
import { bareSpec } from "../../../test/support/bare-spec.js";
import type { Scenario } from "../../contracts/scenario.js";
import { CliModel, type Spec } from "../../contracts/spec.js";
import { edgeCliScenarios } from "./cli-edge.js";
import { cliGenerationContext } from "./cli-generation-context.js";

const spec: Spec = bareSpec("tempconv", "cli");

function edgeOf(model: CliModel, edge = 50): Scenario[] {
  const counts = { normal: 5, edge, malicious: 0 };
  return edgeCliScenarios(cliGenerationContext({ spec, model, counts, seed: 11 }));
}

function byId(scenarios: readonly Scenario[], id: string) {
  const scenario = scenarios.find((item) => item.id === id);
  if (scenario === undefined)
    throw new Error(`no scenario ${id} in ${scenarios.map((item) => item.id)}`);
  return scenario.steps[0] as { run: { args: string[] }; expect: object[] };
}

const usage = [{ exitCode: 2 }, { stdoutMatches: "^$" }, { stderrMatches: "\\S" }];

const model = CliModel.parse({
  command: ["node", "tempconv.mjs"],
  options: {
    to: { type: "string", enum: ["celsius", "kelvin"], required: true },
    precision: { type: "integer", min: 0, max: 6 },
    limit: { type: "integer", min: 0 },
    verbose: "boolean",
  },
  arguments: [
    { name: "value", type: "number", required: true, min: -1000, max: 1000 },
    { name: "unit", type: "string", maxLength: 3 },
  ],
  output: { pattern: "^-?\\d+$" },
});

describe("edgeCliScenarios", () => {
  const scenarios = edgeOf(model);

  it("starts with bad command lines: an unknown option, one argument too many, a flag with a value", () => {
    expect(scenarios.slice(0, 3).map((scenario) => scenario.id)).toEqual([
      "edge/unknown-option",
      "edge/too-many-arguments",
      "edge/verbose/flag-with-value",
    ]);
    expect(byId(scenarios, "edge/unknown-option").expect).toEqual(usage);
    expect(byId(scenarios, "edge/too-many-arguments").run.args.at(-1)).toBe("extra");
    expect(byId(scenarios, "edge/verbose/flag-with-value").run.args).toContain("--verbose=yes");
    expect(scenarios.some((scenario) => scenario.id.includes("subcommand"))).toBe(false);
  });

  it("expects success at a bound and a usage error past it", () => {
    expect(byId(scenarios, "edge/precision/max").run.args).toEqual(
      expect.arrayContaining(["--precision", "6"]),
    );
    expect(byId(scenarios, "edge/precision/max").expect[0]).toEqual({ exitCode: 0 });
    expect(byId(scenarios, "edge/precision/above-max").expect).toEqual(usage);
    expect(byId(scenarios, "edge/precision/below-min").run.args).toContain("--precision=-1");
    expect(byId(scenarios, "edge/value/min").run.args.slice(-3, -1)).toContain("--");
    expect(byId(scenarios, "edge/value/min").run.args).toContain("-1000");
    expect(byId(scenarios, "edge/to/enum-wrong-case").expect).toEqual(usage);
    expect(byId(scenarios, "edge/unit/longest-plus-one").expect).toEqual(usage);
  });

  it("treats a missing parameter by whether it is required, cutting positionals from the end", () => {
    expect(byId(scenarios, "edge/to/missing").expect).toEqual(usage);
    expect(byId(scenarios, "edge/precision/missing").expect[0]).toEqual({ exitCode: 0 });
    const valueMissing = byId(scenarios, "edge/value/missing");
    expect(valueMissing.expect).toEqual(usage);
    expect(valueMissing.run.args).not.toContain("--");
    expect(byId(scenarios, "edge/unit/missing").expect[0]).toEqual({ exitCode: 0 });
  });

  it("adds the option cases written --name=value", () => {
    expect(byId(scenarios, "edge/to/enum-kelvin-equals").run.args).toContain("--to=kelvin");
    expect(byId(scenarios, "edge/precision/above-max-equals").expect).toEqual(usage);
  });

  it("leaves out values whose reading the conventions do not settle", () => {
    // 1e308 is a valid integer for --limit, but "1e+308" may be read as 1 by a careful parser.
    expect(scenarios.some((scenario) => scenario.id === "edge/limit/huge")).toBe(false);
    expect(byId(scenarios, "edge/precision/huge").expect).toEqual(usage);
  });

  it("names every scenario once", () => {
    const ids = scenarios.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("edgeCliScenarios with subcommands", () => {
  const todo = CliModel.parse({
    command: ["todo"],
    errors: { usage: 64 },
    commands: { done: { arguments: [{ name: "id", type: "integer", required: true, min: 1 }] } },
  });

  it("expects a usage error without a subcommand and with an unknown one", () => {
    const scenarios = edgeOf(todo);
    const usage64 = [{ exitCode: 64 }, { stdoutMatches: "^$" }, { stderrMatches: "\\S" }];
    expect(byId(scenarios, "edge/no-subcommand")).toEqual({ run: { args: [] }, expect: usage64 });
    expect(byId(scenarios, "edge/unknown-subcommand").expect).toEqual(usage64);
    expect(byId(scenarios, "edge/done/id/min").run.args).toEqual(["done", "1"]);
  });

  it("repeats the cases in other valid lines when a small model gives too few", () => {
    const few = edgeOf(todo, 5);
    const many = edgeOf(todo, 40);
    expect(many.length).toBeGreaterThan(few.length);
    expect(many.some((scenario) => scenario.id.endsWith("-v2"))).toBe(true);
    expect(few.some((scenario) => scenario.id.endsWith("-v2"))).toBe(false);
  });
});
