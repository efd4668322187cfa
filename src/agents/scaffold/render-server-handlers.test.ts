import { describe, expect, it } from "vitest";
import { HttpServiceModel } from "../../contracts/spec.js";
import {
  needsBody,
  needsConflict,
  renderHandlers,
  type ServerNeeds,
} from "./render-server-handlers.js";

const model = HttpServiceModel.parse({ entities: { entry: { fields: { text: "string" } } } });
const nothing: ServerNeeds = {
  list: false,
  create: false,
  read: false,
  update: false,
  delete: false,
  actions: false,
  unique: false,
  uniqueEffects: false,
};

describe("renderHandlers", () => {
  it("reads a body in the conventions' order: size, then content type, then JSON", () => {
    const text = renderHandlers(model, { ...nothing, create: true });
    const order = ["refusal(413", "refusal(415", "the body is not valid JSON"].map((part) =>
      text.indexOf(part),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain("emptyMeans");
  });

  it("lets an action be sent without a body, and checks its changes", () => {
    const text = renderHandlers(model, { ...nothing, actions: true });
    expect(text).toContain("const body = await readJson(request, {});");
    expect(text).toContain("function changeProblem(");
    expect(text).not.toContain("duplicateField");
  });

  it("refuses duplicates only when a field is unique", () => {
    const unique = renderHandlers(model, { ...nothing, create: true, update: true, unique: true });
    expect(unique.match(/duplicateField/g)).toHaveLength(2);
    expect(renderHandlers(model, { ...nothing, create: true })).not.toContain("duplicate");
  });

  it("checks an action's changes for duplicates only when an effect writes a unique field", () => {
    const needs = { ...nothing, create: true, actions: true, unique: true };
    const action = (text: string) => text.slice(text.indexOf("async function runAction("));
    const without = action(renderHandlers(model, needs));
    expect(without).toContain("changeProblem(resource, outcome.changes)");
    expect(without).not.toContain("duplicateField");
    const withEffects = action(renderHandlers(model, { ...needs, uniqueEffects: true }));
    expect(withEffects).toContain("duplicateField(outcome.changes, id)");
  });

  it("writes a helper only when something uses it", () => {
    const listOnly = renderHandlers(model, { ...nothing, list: true });
    expect(listOnly).toContain("function wholeNumber(");
    expect(listOnly).not.toContain("function notFound(");
    expect(listOnly).not.toContain("function readBody(");
    expect(renderHandlers(model, { ...nothing, delete: true })).toContain("function notFound(");
  });

  it("knows when the server reads bodies and answers conflicts", () => {
    expect(needsBody(nothing)).toBe(false);
    expect(needsBody({ ...nothing, update: true })).toBe(true);
    expect(needsConflict({ ...nothing, actions: true })).toBe(true);
    expect(needsConflict({ ...nothing, create: true })).toBe(false);
  });
});
