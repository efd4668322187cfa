import { describe, expect, it } from "vitest";
import { SuiteHeader } from "../contracts/scenario.js";
import { scenarioSchemaFor } from "./scenario-schema.js";
import { parseMessages } from "./zod-problems.js";

function problems(target: string, scenario: unknown, defaults: unknown = {}) {
  const header = SuiteHeader.parse({ name: "s", version: 1, target, defaults });
  const parsed = scenarioSchemaFor(header).safeParse(scenario, { error: parseMessages });
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const scenario = (steps: unknown[]) => ({ id: "a", category: "normal", title: "t", steps });

describe("scenarioSchemaFor", () => {
  it("validates steps against the suite's kind only", () => {
    expect(problems("http", scenario([{ request: { method: "GET", path: "/" } }]))).toEqual([]);
    expect(problems("function", scenario([{ request: { method: "GET", path: "/" } }]))).toEqual([
      "steps.0: this is a http step (request:) in a function suite; a function suite's steps have call:, expect:, capture:",
    ]);
  });

  it("checks assertions: one key, known, applicable, compilable", () => {
    const step = (expect: unknown[]) => scenario([{ call: { export: "f" }, expect }]);
    expect(problems("function", step([{ json: 1, throws: true }]), { module: "m.mjs" })).toEqual([
      "steps.0.expect.0: an assertion has one key; write json, throws as separate list items",
    ]);
    expect(problems("function", step([{ jsonn: 1 }]), { module: "m.mjs" })).toEqual([
      'steps.0.expect.0.jsonn: unknown assertion "jsonn"; did you mean "json"?',
    ]);
    expect(
      problems("function", step([{ expression: "returned ==" }]), { module: "m.mjs" })[0],
    ).toMatch(/^steps\.0\.expect\.0\.expression: invalid expression "returned ==": /);
    expect(
      problems("function", step([{ jsonSchema: { type: "strin" } }]), { module: "m.mjs" })[0],
    ).toMatch(/^steps\.0\.expect\.0\.jsonSchema: invalid JSON schema: /);
    expect(
      problems("function", step([{ matches: "{{ x.pattern }}(" }]), { module: "m.mjs" }),
    ).toEqual([
      'steps.0.expect.0.matches: template "{{ x.pattern }}": no variable "x"; the variables here are scenario, trial',
    ]);
  });

  it("needs a command or a module from the step or the defaults", () => {
    const run = scenario([{ run: { args: ["-v"] } }]);
    expect(problems("cli", run)).toHaveLength(1);
    expect(problems("cli", run, { command: ["node", "cli.js"] })).toEqual([]);
    expect(problems("function", scenario([{ call: { export: "f", module: "m.mjs" } }]))).toEqual(
      [],
    );
  });

  it("checks that captures read names the kind's view has", () => {
    const step = { run: { command: ["x"] }, capture: { out: "stdout", code: "status" } };
    expect(problems("cli", scenario([step]))).toEqual([
      'steps.0.capture.code: a cli step\'s captures read one of exitCode, signal, stdout, stderr, durationMs (e.g. exitCode), not "status"',
    ]);
  });
});
