import { describe, expect, it } from "vitest";
import {
  criterion,
  httpSpec,
  inventoryModel,
  present,
  scenarioNamed,
  schemaProblems,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { ShopfloorError } from "../../contracts/errors.js";
import {
  CliModel,
  defaultScenarioCounts,
  HttpServiceModel,
  LibraryModel,
  type Spec,
} from "../../contracts/spec.js";
import { generateSuite, mergeScenarios } from "./generate-suite.js";

const options = { seed: 11, counts: defaultScenarioCounts };
const criteria = [
  criterion("AC1", "A todo can be created with a title", [
    { input: 'POST /todos {"title": "Milk"}', expected: "201", line: 3 },
  ]),
  criterion("AC2", "A title longer than 200 characters is refused with 400"),
  criterion("AC3", "The service is pleasant to use"),
];

describe("generateSuite", () => {
  it("writes the header from the spec", () => {
    const { header } = generateSuite(httpSpec("todo-api", todoModel, criteria), options);
    expect(header).toEqual({
      name: "todo-api",
      version: "0",
      target: "http",
      description: "The todo-api service",
      defaults: { timeoutMs: 5000, repeat: 1, headers: {} },
      criteria: criteria.map(({ id, text }) => ({ id, text })),
      generated: {
        spec: { name: "todo-api", hash: "hash-of-todo-api" },
        seed: 11,
        counts: { normal: 100, edge: 50, malicious: 30 },
        generators: ["offline"],
      },
    });
  });

  for (const [name, model] of [
    ["todo", todoModel],
    ["inventory", inventoryModel],
  ] as const) {
    it(`reaches the default counts for the ${name} model with distinct, valid scenarios`, () => {
      const suite = generateSuite(httpSpec(name, model), options);
      const count = (category: string) =>
        suite.scenarios.filter((scenario) => scenario.category === category).length;
      expect([count("normal"), count("edge"), count("malicious")]).toEqual([100, 50, 30]);
      expect(suite.shortfall).toEqual({ normal: 0, edge: 0, malicious: 0 });
      expect(new Set(suite.scenarios.map((scenario) => scenario.id)).size).toBe(180);
      expect(schemaProblems(suite.scenarios)).toEqual([]);
      expect(suite.notes.filter((note) => note.includes("was dropped"))).toEqual([]);
    });
  }

  it("gives byte-identical output for the same spec, seed and counts", () => {
    const spec = httpSpec("inventory", inventoryModel, criteria);
    expect(JSON.stringify(generateSuite(spec, options))).toBe(
      JSON.stringify(generateSuite(spec, options)),
    );
    expect(JSON.stringify(generateSuite(spec, { ...options, seed: 12 }))).not.toBe(
      JSON.stringify(generateSuite(spec, options)),
    );
  });

  it("reports a shortfall when the model cannot give enough distinct scenarios", () => {
    const tiny = HttpServiceModel.parse({
      entities: {
        flag: { fields: { on: { type: "boolean", required: true } }, operations: ["create"] },
      },
    });
    const suite = generateSuite(httpSpec("flags", tiny), {
      seed: 1,
      counts: { normal: 500, edge: 500, malicious: 500 },
    });
    for (const category of ["normal", "edge", "malicious"] as const) {
      const made = suite.scenarios.filter((scenario) => scenario.category === category).length;
      expect(made).toBeGreaterThan(0);
      expect(suite.shortfall[category]).toBe(500 - made);
    }
    expect(suite.notes).toContainEqual(
      expect.stringMatching(/^normal: 500 asked for, only \d+ distinct scenarios/),
    );
  });

  it("covers criteria explicitly and by heuristic, and names the uncovered ones", () => {
    const suite = generateSuite(httpSpec("todo-api", todoModel, criteria), options);
    const [ac1, ac2, ac3] = suite.coverage.map((row) => row.scenarios);
    expect(ac1?.[0]).toBe("normal/criteria/ac1-1");
    expect(ac2).toContain("edge/todo/title/max-length-bound");
    expect(ac3).toEqual([]);
    expect(suite.notes).toContainEqual(
      expect.stringMatching(/^AC3 \("The service is pleasant to use"\) is not covered/),
    );
    const covered = scenarioNamed(suite.scenarios, "edge/todo/title/max-length-bound");
    expect(covered.covers).toContain("AC2");
  });

  it("refuses a spec without a model, saying what offline generation needs", () => {
    const { model: _model, ...bare } = httpSpec("bare", todoModel);
    const attempt = () => generateSuite(bare as Spec, options);
    expect(attempt).toThrow(ShopfloorError);
    expect(attempt).toThrow(/offline generation needs a structured model.*docs\/specs\.md/);
  });

  it("dispatches cli and library specs to their generators, with their defaults", () => {
    const base = httpSpec("tool", todoModel);
    const cli: Spec = {
      ...base,
      model: { kind: "cli", model: CliModel.parse({ command: ["node", "tool.mjs"] }) },
    };
    expect(
      generateSuite(cli, { seed: 1, counts: { normal: 1, edge: 0, malicious: 0 } }).header,
    ).toMatchObject({
      target: "cli",
      defaults: { command: ["node", "tool.mjs"] },
    });
    const library: Spec = {
      ...base,
      model: {
        kind: "library",
        model: LibraryModel.parse({
          module: "./index.mjs",
          functions: { add: { parameters: [{ name: "a", type: "integer" }] } },
        }),
      },
    };
    expect(
      generateSuite(library, { seed: 1, counts: { normal: 1, edge: 0, malicious: 0 } }).header,
    ).toMatchObject({
      target: "function",
      defaults: { module: "./index.mjs" },
    });
  });
});

describe("mergeScenarios", () => {
  it("adds only distinct scenarios, makes ids unique, records the generator and recomputes coverage", () => {
    const suite = generateSuite(httpSpec("todo-api", todoModel, criteria), {
      seed: 1,
      counts: { normal: 5, edge: 5, malicious: 5 },
    });
    const existing = present(suite.scenarios[0], "a scenario");
    const fresh = {
      id: existing.id,
      category: "normal" as const,
      title: "A pleasant todo",
      tags: [],
      covers: ["AC3"],
      steps: [{ request: { method: "GET" as const, path: "/todos" }, expect: [{ status: 200 }] }],
    };
    const merged = mergeScenarios(
      suite,
      [{ ...existing, id: "normal/copy" }, fresh],
      "llm:test/model",
    );
    expect(merged.scenarios).toHaveLength(suite.scenarios.length + 1);
    expect(merged.scenarios.at(-1)?.id).toBe(`${existing.id}-2`);
    expect(merged.header.generated?.generators).toEqual(["offline", "llm:test/model"]);
    expect(merged.coverage[2]?.scenarios).toEqual([`${existing.id}-2`]);
    expect(merged.notes.some((note) => note.startsWith("AC3"))).toBe(false);
    expect(mergeScenarios(merged, [fresh], "llm:test/model").scenarios).toHaveLength(
      merged.scenarios.length,
    );
  });
});
