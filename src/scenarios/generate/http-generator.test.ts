import { describe, expect, it } from "vitest";
import {
  httpSpec,
  inventoryModel,
  schemaProblems,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { defaultScenarioCounts } from "../../contracts/spec.js";
import { generateHttpScenarios } from "./http-generator.js";

const request = (model: typeof todoModel, seed = 1) => ({
  spec: httpSpec("service", model),
  model,
  counts: defaultScenarioCounts,
  seed,
});

describe("generateHttpScenarios", () => {
  for (const [name, model] of [
    ["todo", todoModel],
    ["inventory", inventoryModel],
  ] as const) {
    it(`offers enough valid candidates of every category for the ${name} model`, () => {
      const { scenarios } = generateHttpScenarios(request(model));
      const count = (category: string) =>
        scenarios.filter((scenario) => scenario.category === category).length;
      expect(count("normal")).toBeGreaterThanOrEqual(100);
      expect(count("edge")).toBeGreaterThanOrEqual(50);
      expect(count("malicious")).toBeGreaterThanOrEqual(30);
      expect(schemaProblems(scenarios)).toEqual([]);
      for (const scenario of scenarios) {
        expect(scenario.id).toMatch(/^[\w.\-/]+$/);
        expect(scenario.id.startsWith(`${scenario.category}/`)).toBe(true);
      }
    });
  }

  it("puts every kind of check before the variations", () => {
    const { scenarios } = generateHttpScenarios(request(inventoryModel));
    const normal = scenarios.filter((scenario) => scenario.category === "normal").slice(0, 6);
    expect(normal.map((scenario) => scenario.id)).toEqual([
      "normal/health",
      "normal/product/create-1",
      "normal/product/flow-1",
      "normal/product/list-1",
      "normal/product/update-1",
      "normal/product/actions-1",
    ]);
    const malicious = scenarios
      .filter((scenario) => scenario.category === "malicious")
      .slice(0, 30);
    const families = new Set(
      malicious.flatMap((scenario) => scenario.tags.filter((tag) => tag.startsWith("family:"))),
    );
    expect(families.size).toBeGreaterThanOrEqual(10);
  });

  for (const [name, model, entity] of [
    ["todo", todoModel, "todo"],
    ["inventory", inventoryModel, "product"],
  ] as const) {
    it(`puts both sides of every bound, at two places, first among the ${name} edge scenarios`, () => {
      const { scenarios } = generateHttpScenarios(request(model));
      const edge = scenarios
        .filter((scenario) => scenario.category === "edge")
        .map((scenario) => scenario.id);
      const firstOfTheRest = edge.indexOf(`edge/${entity}/create-with-unknown-field`);
      expect(firstOfTheRest).toBeGreaterThan(0);
      expect(firstOfTheRest).toBeLessThanOrEqual(50);
      const bounds = edge.filter((id) => id.endsWith("-bound"));
      for (const id of bounds) expect(edge.indexOf(id), id).toBeLessThan(firstOfTheRest);
      for (const field of Object.keys(model.entities[entity]?.fields ?? {})) {
        const created = bounds.filter((id) => id.startsWith(`edge/${entity}/${field}/`));
        const updated = created.filter((id) => id.includes("/update-"));
        expect(updated.length * 2, field).toBe(created.length);
      }
      for (const id of [
        `edge/${entity}/list-limit-maximum-bound-combined`,
        `edge/${entity}/update-body-size-bound`,
        `edge/${entity}/outside-the-routes-on-the-collection`,
        `edge/${entity}/unknown-id-zero-uuid`,
      ]) {
        expect(edge.indexOf(id), id).toBeGreaterThan(-1);
        expect(edge.indexOf(id), id).toBeLessThan(firstOfTheRest);
      }
    });
  }

  it("gives the same candidates for the same seed, and other values for another", () => {
    const first = JSON.stringify(generateHttpScenarios(request(todoModel, 4)));
    expect(JSON.stringify(generateHttpScenarios(request(todoModel, 4)))).toBe(first);
    expect(JSON.stringify(generateHttpScenarios(request(todoModel, 5)))).not.toBe(first);
  });
});
