import { describe, expect, it } from "vitest";
import { openApiModel } from "./openapi-model.js";

const body = (properties: object, required: string[] = []) => ({
  content: { "application/json": { schema: { type: "object", properties, required } } },
});

function documents(paths: object) {
  const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths };
  return { raw: document, dereferenced: document };
}

describe("openApiModel", () => {
  it("makes an entity per collection, the health path and the validation status", () => {
    const reading = openApiModel(
      documents({
        "/healthz": { get: { responses: { 200: { description: "up" } } } },
        "/api/notes": {
          post: {
            requestBody: body({ text: { type: "string" } }, ["text"]),
            responses: { 422: {} },
          },
          get: { responses: { 200: {} } },
        },
        "/api/notes/{id}": { get: {}, patch: { requestBody: body({ text: { type: "string" } }) } },
      }),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.modelProblems).toEqual([]);
    const note = reading.model?.entities.note;
    expect(note?.path).toBe("/api/notes");
    expect(note?.operations).toEqual(["create", "read", "list", "update"]);
    expect(note?.fields.text).toMatchObject({ type: "string", required: true });
    expect(reading.model?.http.health).toBe("/healthz");
    expect(reading.model?.errors).toMatchObject({ validation: 422, notFound: 404, conflict: 409 });
  });

  it("keeps the default validation status 400 when no operation documents 422", () => {
    const reading = openApiModel(
      documents({
        "/notes": {
          post: { requestBody: body({ text: { type: "string" } }), responses: { 400: {} } },
        },
      }),
    );
    expect(reading.model?.errors.validation).toBe(400);
  });

  it("reports paths it cannot map and entities with different id properties", () => {
    const reading = openApiModel(
      documents({
        "/users/{userId}/posts/{postId}": { get: {} },
        "/users": {
          post: { requestBody: body({ id: { type: "string" }, name: { type: "string" } }) },
        },
        "/users/{id}": { get: {} },
        "/tags": {
          post: { requestBody: body({ slug: { type: "string" }, label: { type: "string" } }) },
        },
        "/tags/{slug}": { delete: {} },
      }),
    );
    expect(reading.model).toBeUndefined();
    expect(reading.problems).toEqual([
      {
        pointer: "#/paths/~1users~1{userId}~1posts~1{postId}",
        message: "only /xs, /xs/{id} and /xs/{id}/action paths are supported",
      },
      {
        pointer: "#/paths",
        message: "the entities use different id properties (id, slug); a model has one idField",
      },
    ]);
  });

  it("reports a document without a collection", () => {
    expect(openApiModel(documents({})).problems).toEqual([
      { pointer: "#/paths", message: "no collection path such as /todos" },
    ]);
  });

  it("reports what the model refuses in what it was made of, by field", () => {
    const reading = openApiModel(
      documents({
        "/notes": {
          post: { requestBody: body({ text: { type: "string", default: "x" } }, ["text"]) },
        },
      }),
    );
    expect(reading.model).toBeUndefined();
    expect(reading.modelProblems).toEqual([
      {
        line: undefined,
        field: "model.entities.note.fields.text.default",
        message: "a required field has no default: drop one of the two",
      },
    ]);
  });
});
