import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ShopfloorError } from "../contracts/errors.js";
import { InvalidInputError } from "../contracts/invalid-input.js";
import { loadSpec } from "./load-spec.js";

const fixtures = resolve("test/fixtures/specs");
const options = { workingDirectory: fixtures };

async function rejection(path: string): Promise<unknown> {
  return loadSpec(path, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
}

describe("loadSpec", () => {
  it("reads a spec file, shown relative to the working directory", async () => {
    const spec = await loadSpec("tempconv-cli.md", options);
    expect(spec.source).toBe("tempconv-cli.md");
    expect(spec.frontMatter.name).toBe("tempconv");
  });

  it("makes the model from the OpenAPI document next to the spec", async () => {
    const spec = await loadSpec("openapi/todo-openapi.md", options);
    expect(spec.modelLine).toBe(4);
    if (spec.model?.kind !== "http-service") throw new Error("expected an http-service model");
    const { model } = spec.model;
    expect(model.errors.validation).toBe(422);
    expect(model.http.idField).toBe("id");
    expect(model.http.health).toBe("/health");
    const todo = model.entities.todo;
    expect(todo?.path).toBe("/todos");
    expect(todo?.operations).toEqual(["create", "read", "list", "update", "delete"]);
    expect(todo?.fields).toMatchObject({
      title: { type: "string", required: true, minLength: 1, maxLength: 200 },
      due: { type: "date" },
      owner: { type: "email" },
      priority: { type: "integer", min: 1, max: 5, default: 3 },
      state: { type: "string", enum: ["open", "done"], default: "open" },
      done: { type: "boolean", readOnly: true },
    });
    expect(Object.keys(todo?.fields ?? {})).not.toContain("id");
    expect(todo?.actions.complete).toEqual({
      method: "POST",
      input: {
        note: { type: "string", maxLength: 100, required: false, unique: false, readOnly: false },
      },
      requires: [],
      effects: {},
      status: 200,
    });
  });

  it("lets the model block win for its entities and keys, and adds the OpenAPI entities", async () => {
    const spec = await loadSpec("openapi/todo-openapi-with-model.md", options);
    if (spec.model?.kind !== "http-service") throw new Error("expected an http-service model");
    const { model } = spec.model;
    expect(Object.keys(model.entities)).toEqual(["label", "todo"]);
    expect(Object.keys(model.entities.todo?.fields ?? {})).toEqual(["title"]);
    expect(model.errors.validation).toBe(400);
    expect(model.http.health).toBe("/health");
    expect(spec.modelLine).toBe(13);
  });

  it("reports the OpenAPI constructs a model cannot hold, naming their JSON pointers", async () => {
    const error = await rejection("invalid/openapi-unsupported.md");
    if (!(error instanceof InvalidInputError)) throw new Error(`unexpected ${String(error)}`);
    const schema =
      "invalid/unsupported-api.yaml#/paths/~1orders/post/requestBody/content/application~1json/schema/properties";
    expect(error.problems).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message: `${schema}/customer: nested objects are not supported: a field is a string, number or boolean`,
      },
      {
        line: 4,
        field: "frontMatter.openapi",
        message: `${schema}/lines: arrays are not supported: a field is a string, number or boolean`,
      },
      {
        line: 4,
        field: "frontMatter.openapi",
        message: `${schema}/payment/oneOf: oneOf is not supported: a field has one type`,
      },
    ]);
  });

  it("fails with an io-error when the spec cannot be read", async () => {
    const error = await rejection("missing.md");
    expect(error).toBeInstanceOf(ShopfloorError);
    expect(error).toMatchObject({ code: "io-error", path: "missing.md" });
  });
});
