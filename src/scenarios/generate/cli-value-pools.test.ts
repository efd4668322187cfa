import { describe, expect, it } from "vitest";
import { CliModel } from "../../contracts/spec.js";
import { buildArgv } from "./cli-command-line.js";
import { cliTargets } from "./cli-scenario.js";
import { baselineLine, valuePools } from "./cli-value-pools.js";
import { cliTextValidity } from "./cli-value-validity.js";

const model = CliModel.parse({
  command: ["node", "tempconv.mjs"],
  options: {
    to: { type: "string", enum: ["celsius", "kelvin"], required: true },
    precision: { type: "integer", min: 0, max: 6 },
    verbose: "boolean",
    strict: { type: "boolean", required: true },
  },
  arguments: [
    { name: "value", type: "number", required: true, min: -1000, max: 1000 },
    { name: "label", type: "string", maxLength: 8 },
  ],
});
const [target] = cliTargets(model);
if (target === undefined) throw new Error("no target");

describe("valuePools", () => {
  it("draws valid words for every parameter that takes a value, the same for the same seed", () => {
    const notes: string[] = [];
    const pools = valuePools(target, 3, 10, notes);
    expect(notes).toEqual([]);
    expect([...pools.keys()].map((parameter) => parameter.name)).toEqual([
      "value",
      "label",
      "to",
      "precision",
    ]);
    for (const [parameter, texts] of pools) {
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(cliTextValidity(parameter.field, text)).toBe("valid");
    }
    expect([...valuePools(target, 3, 10, []).values()]).toEqual([...pools.values()]);
  });

  it("notes a parameter no valid word can be made for", () => {
    const impossible = CliModel.parse({
      command: ["x"],
      arguments: [{ name: "code", type: "string", pattern: "a", minLength: 2 }],
    });
    const notes: string[] = [];
    const [only] = cliTargets(impossible);
    if (only === undefined) throw new Error("no target");
    const pools = valuePools(only, 1, 5, notes);
    expect([...pools.values()]).toEqual([[]]);
    expect(notes[0]).toContain("code");
    expect(baselineLine(only, pools)).toEqual({ options: [], arguments: [] });
  });
});

describe("baselineLine", () => {
  it("gives every argument and every required option (flags included) a valid word", () => {
    const pools = valuePools(target, 3, 10, []);
    const line = baselineLine(target, pools);
    expect(line?.options.map((option) => option.name)).toEqual(["to", "strict"]);
    expect(line?.arguments).toHaveLength(2);
    expect(line?.options[1]).toEqual({ name: "strict" });
    const variant = baselineLine(target, pools, 1);
    expect(variant && buildArgv(variant)).not.toEqual(line && buildArgv(line));
  });

  it("is undefined when a required parameter has no valid word", () => {
    const pools = valuePools(target, 3, 10, []);
    const valueParameter = target.parameters[0];
    if (valueParameter === undefined) throw new Error("no parameter");
    pools.set(valueParameter, []);
    expect(baselineLine(target, pools)).toBeUndefined();
  });
});
