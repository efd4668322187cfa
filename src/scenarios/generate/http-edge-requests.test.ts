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
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";
import { bodySizeScenarios, outsideRouteScenarios, paddedJson } from "./http-edge-requests.js";

const context = new HttpContext(todoModel, 1);
const todo = present(context.entities[0], "the todo entity");
const bytesOf = (body: string | undefined) => Buffer.byteLength(rendered(body) as string, "utf8");

describe("paddedJson", () => {
  it("pads valid JSON with spaces to an exact size in UTF-8 bytes", () => {
    const text = present(paddedJson({ title: "Café ☕" }, 40), "a padded body");
    expect(Buffer.byteLength(text, "utf8")).toBe(40);
    expect(JSON.parse(text)).toEqual({ title: "Café ☕" });
    expect(paddedJson({ title: "too long for ten bytes" }, 10)).toBeUndefined();
  });
});

describe("both sides of the body-size limit", () => {
  const scenarios = bodySizeScenarios(context, todo);

  it("refuses a body one byte over with 413, then stores the same record in exactly the limit", () => {
    const create = scenarioNamed(scenarios, "edge/todo/body-size-bound");
    const [over, exact] = [stepOf(create, 0), stepOf(create, 1)];
    expect(bytesOf(over.request.body)).toBe(65_537);
    expect(over.expect[0]).toEqual({ status: 413 });
    expect(bytesOf(exact.request.body)).toBe(65_536);
    expect(exact.request.headers).toEqual({ "content-type": "application/json" });
    expect(exact.expect[0]).toEqual({ status: 201 });
    expect(JSON.parse(exact.request.body ?? "")).toEqual(JSON.parse(over.request.body ?? ""));
    expect(stepOf(create, 2).expect).toContainEqual({ json: "{{ created }}" });
  });

  it("does the same on update: refused and nothing changes, then applied", () => {
    const update = scenarioNamed(scenarios, "edge/todo/update-body-size-bound");
    expect(update.steps.map((step) => [step.request.method, step.expect[0]])).toEqual([
      ["POST", { status: 201 }],
      ["PATCH", { status: 413 }],
      ["PATCH", { status: 200 }],
      ["GET", { status: 200 }],
    ]);
    expect(bytesOf(stepOf(update, 2).request.body)).toBe(65_536);
    expect(schemaProblems(scenarios)).toEqual([]);
  });

  it("keeps the size exact when a unique value carries the trial's token", () => {
    const model = HttpServiceModel.parse({
      entities: { user: { fields: { login: { type: "string", unique: true, required: true } } } },
      http: { maximumBodyBytes: 300 },
    });
    const users = new HttpContext(model, 1);
    const [create] = bodySizeScenarios(users, present(users.entities[0], "user"));
    const exact = stepOf(present(create, "the create pair"), 1);
    expect(exact.request.body).toContain("{{ trial.token }}");
    expect(bytesOf(exact.request.body)).toBe(300);
  });

  it("says so when a record does not fit in the limit", () => {
    const model = HttpServiceModel.parse({
      entities: { note: { fields: { text: { type: "string", required: true, minLength: 60 } } } },
      http: { maximumBodyBytes: 50 },
    });
    const notes = new HttpContext(model, 1);
    expect(bodySizeScenarios(notes, present(notes.entities[0], "note"))).toEqual([]);
    expect(notes.notes).toContainEqual(expect.stringMatching(/does not fit in 50 bytes/));
  });
});

describe("requests outside the routes", () => {
  const inventory = new HttpContext(inventoryModel, 1);
  const scenarios = outsideRouteScenarios(inventory, present(inventory.entities[0], "product"));
  const requests = (id: string) =>
    scenarioNamed(scenarios, id).steps.map((step) => [
      step.request.method,
      step.request.path,
      step.expect[0],
    ]);

  it("refuses methods a path does not have and paths no route has with 404 or 405", () => {
    expect(requests("edge/product/outside-the-routes-on-a-record")).toEqual([
      ["POST", "/products", { status: 201 }],
      ["PUT", "/products/{{ created.id }}", { status: [405, 404] }],
      ["POST", "/products/{{ created.id }}", { status: [405, 404] }],
      ["GET", "/products/{{ created.id }}/no-such-action", { status: [405, 404] }],
      ["GET", "/products/%E0%A4%A", { status: [404, 400, 405] }],
      ["GET", "/products/{{ created.id }}", { status: 200 }],
    ]);
    expect(requests("edge/product/outside-the-routes-on-the-collection")).toEqual([
      ["DELETE", "/products", { status: [405, 404] }],
      ["PUT", "/products", { status: [405, 404] }],
      ["GET", "/products/no-such-id/no-such-action/more", { status: [405, 404] }],
      ["DELETE", "/products/%ZZ%", { status: [404, 400, 405] }],
    ]);
    expect(schemaProblems(scenarios)).toEqual([]);
  });

  it("refuses on the collection only when records cannot be created", () => {
    const model = HttpServiceModel.parse({
      entities: { log: { fields: { line: "string" }, operations: ["list"] } },
    });
    const logs = new HttpContext(model, 1);
    const ids = outsideRouteScenarios(logs, present(logs.entities[0], "log")).map(
      (scenario) => scenario.id,
    );
    expect(ids).toEqual(["edge/log/outside-the-routes-on-the-collection"]);
  });
});
