import { describe, expect, it } from "vitest";
import {
  present,
  rendered,
  schemaProblems,
  stepOf,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { HttpServiceModel } from "../../contracts/spec.js";
import { headerAbuses, pollutionMarker, rawBodies } from "../malicious/index.js";
import { HttpContext } from "./http-context.js";
import {
  headerAbuseScenarios,
  hostileIdScenarios,
  oversizedScenarios,
  pollutionScenarios,
  rawBodyScenarios,
} from "./http-malicious-requests.js";

const context = new HttpContext(todoModel, 1);
const todo = present(context.entities[0], "the todo entity");

describe("malicious requests", () => {
  it("refuses prototype pollution sent as raw JSON, then shows a fresh record is clean", () => {
    const first = present(pollutionScenarios(context, todo)[0], "a pollution scenario");
    const body = rendered(stepOf(first, 0).request.body) as string;
    expect(Object.keys(JSON.parse(body))).toContain("__proto__");
    expect(stepOf(first, 0).request.headers).toEqual({ "content-type": "application/json" });
    expect(stepOf(first, 0).expect[0]).toEqual({ status: 400 });
    expect(stepOf(first, 1).expect).toContainEqual({ notContains: pollutionMarker });
  });

  it("refuses malformed JSON, and a wrong content type with a 4xx", () => {
    const scenarios = rawBodyScenarios(context, todo);
    const family = (name: string) =>
      scenarios.filter((scenario) => scenario.tags.includes(`family:${name}`));
    const wrongType = family("wrong-content-type");
    expect(wrongType).toHaveLength(
      rawBodies.filter((raw) => raw.family === "wrong-content-type").length,
    );
    for (const scenario of wrongType)
      expect(stepOf(scenario, 0).expect).toEqual([{ status: "4xx" }]);
    for (const scenario of family("malformed-json")) {
      expect(stepOf(scenario, 0).expect).toEqual([{ status: 400 }]);
    }
  });

  it("does not send a raw body that would be a valid record", () => {
    const model = HttpServiceModel.parse({ entities: { item: { fields: { name: "string" } } } });
    const lenient = new HttpContext(model, 1);
    const scenarios = rawBodyScenarios(lenient, present(lenient.entities[0], "item"));
    const bodies = scenarios.map((scenario) => stepOf(scenario, 0).request.body);
    expect(bodies).not.toContain('{"name": "first", "name": "second"}');
    expect(lenient.notes.some((note) => note.includes("would be a valid item"))).toBe(true);
  });

  it("sends a body exactly one byte over the limit and expects 413", () => {
    const [create, update] = oversizedScenarios(context, todo);
    const createStep = stepOf(present(create, "an oversized create"), 0);
    expect(Buffer.byteLength(present(createStep.request.body, "a body"))).toBe(65_537);
    expect(createStep.expect).toEqual([{ status: 413 }]);
    expect(update?.steps.map((step) => step.request.method)).toEqual(["POST", "PATCH", "GET"]);
  });

  it("reads with abusive headers, then finds the record intact", () => {
    const scenarios = headerAbuseScenarios(context, todo);
    expect(scenarios).toHaveLength(headerAbuses.length);
    const override = present(
      scenarios.find(
        (scenario) => "x-http-method-override" in (stepOf(scenario, 1).request.headers ?? {}),
      ),
      "the method override",
    );
    expect(stepOf(override, 1).request.method).toBe("GET");
    expect(stepOf(override, 2).expect).toContainEqual({ json: "{{ created }}" });
  });

  it("expects hostile ids to find nothing and hostile pages to be refused", () => {
    const [ids = [], queries = []] = hostileIdScenarios(context, todo);
    const traversal = present(
      ids.find((scenario) => scenario.tags.includes("family:path-traversal")),
      "a traversal",
    );
    expect(stepOf(traversal, 0).request.path).not.toContain("../");
    expect(stepOf(traversal, 0).expect).toEqual([{ status: [404, 400] }, { notContains: "root:" }]);
    for (const scenario of queries) expect(stepOf(scenario, 0).expect).toEqual([{ status: 400 }]);
    const all = [
      ...ids,
      ...queries,
      ...pollutionScenarios(context, todo),
      ...rawBodyScenarios(context, todo),
    ];
    expect(schemaProblems(all)).toEqual([]);
  });
});
