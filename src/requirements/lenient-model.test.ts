import { describe, expect, it } from "vitest";
import { lenientModel } from "./lenient-model.js";

describe("lenientModel", () => {
  it("keeps the valid parts of an http model and puts placeholders for the others", () => {
    const specModel = lenientModel("http-service", {
      entities: {
        todo: {
          fields: { title: { type: "string", maxLength: -1 }, done: "boolean" },
          actions: { finish: { input: { at: "dat" }, effects: { done: "true" }, extra: 1 } },
          shape: "round",
        },
      },
      examples: [{ title: "broken" }, { title: "fine", steps: [{ request: {} }] }],
    });
    if (specModel.kind !== "http-service") throw new Error("expected an http-service model");
    const todo = specModel.model.entities.todo;
    expect(Object.keys(todo?.fields ?? {})).toEqual(["title", "done"]);
    expect(todo?.fields.title).toMatchObject({ type: "string" });
    expect(todo?.fields.title?.maxLength).toBeUndefined();
    expect(todo?.fields.done?.type).toBe("boolean");
    expect(todo?.actions.finish?.input.at?.type).toBe("string");
    expect(todo?.actions.finish?.effects).toEqual({ done: "true" });
    expect(specModel.model.examples.map((example) => example.steps.length)).toEqual([0, 1]);
  });

  it("keeps the positions of a cli model's arguments", () => {
    const specModel = lenientModel("cli", {
      command: [],
      arguments: [
        { name: "Bad Name", type: "string" },
        { name: "count", type: "integer" },
      ],
    });
    if (specModel.kind !== "cli") throw new Error("expected a cli model");
    expect(specModel.model.arguments.map((argument) => argument.name)).toEqual([
      "placeholder",
      "count",
    ]);
  });

  it("keeps a library's functions, each with what parses", () => {
    const specModel = lenientModel("library", {
      functions: { add: { parameters: [{ name: "a", type: "integer", default: "x" }], bad: 1 } },
    });
    if (specModel.kind !== "library") throw new Error("expected a library model");
    expect(specModel.model.functions.add?.parameters[0]).toMatchObject({ name: "a", default: "x" });
  });
});
