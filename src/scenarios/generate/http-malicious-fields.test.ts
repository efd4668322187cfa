import { describe, expect, it } from "vitest";
import {
  inventoryModel,
  present,
  rendered,
  scenarioNamed,
  schemaProblems,
  stepOf,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { payloadFamilies, stringPayloads } from "../malicious/index.js";
import { HttpContext } from "./http-context.js";
import { stringPayloadScenarios, wrongShapeScenarios } from "./http-malicious-fields.js";

const titleOf = (json: unknown) => (rendered(json) as { title: string }).title;

describe("hostile strings in fields", () => {
  const context = new HttpContext(todoModel, 1);
  const lists = stringPayloadScenarios(context, present(context.entities[0], "todo"));

  it("gives one list per payload family", () => {
    expect(lists.map((list) => list[0]?.tags.find((tag) => tag.startsWith("family:")))).toEqual(
      payloadFamilies.map((family) => `family:${family}`),
    );
  });

  it("sends every payload exactly, and expects it stored byte for byte when the field allows it", () => {
    const scenarios = lists.flat();
    const titles = scenarios.filter((scenario) => scenario.id.startsWith("malicious/todo/title/"));
    const payloads = stringPayloads.map((payload) => payload.value);
    for (const scenario of titles) {
      const create = stepOf(scenario, 0);
      const sent = titleOf(create.request.json);
      expect(payloads).toContain(sent);
      const stored = [...sent].length >= 1 && [...sent].length <= 200;
      expect(create.expect[0]).toEqual({ status: stored ? 201 : 400 });
      if (stored) {
        const subset = create.expect.find((assertion) => "jsonSubset" in assertion);
        expect(titleOf((subset as { jsonSubset: unknown }).jsonSubset)).toBe(sent);
      }
    }
    const template = scenarioNamed(titles, "malicious/todo/title/template-injection-1");
    expect(titleOf(stepOf(template, 0).request.json)).toContain("{{");
    expect(schemaProblems(scenarios)).toEqual([]);
  });

  it("tries free text before a patterned field, where nearly every payload is refused", () => {
    const inventory = new HttpContext(inventoryModel, 1);
    const [sql] = stringPayloadScenarios(inventory, present(inventory.entities[0], "product"));
    expect(sql?.[0]?.id).toBe("malicious/product/name/sql-injection-1");
  });
});

describe("wrong shapes", () => {
  it("refuses NoSQL operators and values of the wrong type in every writable field", () => {
    const context = new HttpContext(todoModel, 1);
    const [nosql = [], confusion = []] = wrongShapeScenarios(
      context,
      present(context.entities[0], "todo"),
    );
    const operator = scenarioNamed(nosql, "malicious/todo/priority/nosql-operator-1");
    expect(stepOf(operator, 0).request.json).toMatchObject({ priority: { $gt: "" } });
    const priorities = confusion
      .filter((scenario) => scenario.id.startsWith("malicious/todo/priority/"))
      .map((scenario) => (stepOf(scenario, 0).request.json as { priority: unknown }).priority);
    expect(priorities).toEqual(expect.arrayContaining([null, "3", 3.5, true]));
    for (const scenario of [...nosql, ...confusion]) {
      expect(stepOf(scenario, 0).expect[0]).toEqual({ status: 400 });
    }
  });
});
