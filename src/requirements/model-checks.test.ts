import { describe, expect, it } from "vitest";
import { CliModel, HttpServiceModel, LibraryModel, type SpecModel } from "../contracts/spec.js";
import { checkModel } from "./model-checks.js";

/** Lines are the path's length, so that tests see which path a problem was put on. */
const place = { prefix: ["model"], lineOf: (path: readonly PropertyKey[]) => path.length };

const http = (model: unknown): SpecModel => ({
  kind: "http-service",
  model: HttpServiceModel.parse(model),
});

describe("checkModel, fields", () => {
  it("refuses defaults and enum values their field would refuse, in every kind", () => {
    const cli: SpecModel = {
      kind: "cli",
      model: CliModel.parse({
        command: ["node", "x.mjs"],
        options: { unit: { type: "string", enum: ["c", "f"], default: "k" } },
        commands: { run: { arguments: [{ name: "count", type: "integer", max: 3, default: 4 }] } },
      }),
    };
    expect(checkModel(cli, [], place)).toEqual([
      {
        line: 3,
        field: "model.options.unit.default",
        message: 'the default breaks its own field: "k" is not one of the enum values "c", "f"',
      },
      {
        line: 5,
        field: "model.commands.run.arguments[0].default",
        message: "the default breaks its own field: 4 is above max 3",
      },
    ]);
    const library: SpecModel = {
      kind: "library",
      model: LibraryModel.parse({
        module: "./x.mjs",
        functions: { f: { returns: { type: "integer", enum: [1, 2.5] } } },
      }),
    };
    expect(checkModel(library, [], place)).toEqual([
      {
        line: 5,
        field: "model.functions.f.returns.enum[1]",
        message: "enum value 2.5 is not a valid integer",
      },
    ]);
  });
});

describe("checkModel, actions", () => {
  it("accepts effects on fields, computed from fields and inputs", () => {
    const model = http({
      entities: {
        product: {
          fields: { stock: "integer" },
          actions: {
            reserve: {
              input: { quantity: "integer" },
              requires: [{ check: "quantity <= stock", error: "no stock" }],
              effects: { stock: "stock - quantity" },
            },
          },
        },
      },
    });
    expect(checkModel(model, [], place)).toEqual([]);
  });

  it("reports effects on unknown fields and expressions with unknown names", () => {
    const model = http({
      entities: {
        product: {
          fields: { stock: "integer" },
          actions: { reset: { effects: { stok: "0", stock: "amount" } } },
        },
      },
    });
    expect(checkModel(model, [], place)).toEqual([
      {
        line: 6,
        field: "model.entities.product.actions.reset.effects.stok",
        message: '"stok" is not a field of product; effects set its fields (stock)',
      },
      {
        line: 6,
        field: "model.entities.product.actions.reset.effects.stock",
        message: expect.stringMatching(/^unknown name "amount"/),
      },
    ]);
  });
});

describe("checkModel, cli rules", () => {
  it("accepts rules over the parameters, a '-' written '_', and reports unknown names", () => {
    const cli: SpecModel = {
      kind: "cli",
      model: CliModel.parse({
        command: ["node", "x.mjs"],
        options: { "dry-run": { type: "boolean" }, from: { type: "string" } },
        arguments: [{ name: "value", type: "number" }],
        requires: [
          { check: 'from != "kelvin" or value >= 0', error: "below absolute zero" },
          { check: "not dry_run or value < 10", error: "too big to try" },
          { check: "temperature > 0", error: "cold" },
        ],
      }),
    };
    const problems = checkModel(cli, [], place);
    expect(problems.map((problem) => problem.field)).toEqual(["model.requires[2].check"]);
    expect(problems[0]?.message).toContain("temperature");
  });
});

describe("checkModel, examples", () => {
  const withExample = (criteria: string[], steps: unknown[]) =>
    http({
      entities: { todo: { fields: { title: "string" } } },
      examples: [{ title: "an example", criteria, steps }],
    });

  it("accepts known criteria and steps of the spec's kind", () => {
    const model = withExample(["AC1"], [{ request: { method: "get", path: "/todos" } }]);
    expect(checkModel(model, ["AC1", "AC2"], place)).toEqual([]);
  });

  it("reports unknown criteria, saying which exist", () => {
    const model = withExample(["AC3"], [{ request: { method: "GET", path: "/" } }]);
    expect(checkModel(model, ["AC1", "AC2"], place)).toEqual([
      {
        line: 4,
        field: "model.examples[0].criteria[0]",
        message: "AC3 is not an acceptance criterion of this spec; the criteria are AC1, AC2",
      },
    ]);
    expect(checkModel(model, [], place)[0]?.message).toBe(
      "AC3 is not an acceptance criterion of this spec; the spec has no acceptance criteria",
    );
  });

  it("reports a step of another kind", () => {
    const model = withExample([], [{ run: { args: ["x"] } }]);
    expect(checkModel(model, [], place)).toEqual([
      { line: 5, field: "model.examples[0].steps[0].request", message: "required (object)" },
      { line: 5, field: "model.examples[0].steps[0].run", message: 'unknown key "run"' },
    ]);
  });
});
