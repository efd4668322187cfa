import { describe, expect, it } from "vitest";
import { type PathGroup, readEntity, singular } from "./openapi-entity.js";

const body = (properties: object) => ({
  content: { "application/json": { schema: { type: "object", properties } } },
});

function group(parts: Partial<PathGroup>): PathGroup {
  return { collection: "/boxes", actions: new Map(), ...parts };
}

describe("singular", () => {
  it("makes the usual English plurals singular", () => {
    expect(["todos", "categories", "boxes", "addresses", "status", "sheep"].map(singular)).toEqual([
      "todo",
      "category",
      "box",
      "address",
      "status",
      "sheep",
    ]);
  });
});

describe("readEntity", () => {
  it("names the entity after the path when no schema is referenced, and skips the id", () => {
    const reading = readEntity(
      group({
        collectionItem: {
          path: "/boxes",
          item: {
            post: { requestBody: body({ boxId: { type: "string" }, label: { type: "string" } }) },
          },
          raw: {},
        },
        item: { path: "/boxes/{boxId}", item: { delete: {} }, raw: {}, parameter: "boxId" },
      }),
    );
    expect(reading).toEqual({
      name: "box",
      idField: "boxId",
      definition: {
        path: "/boxes",
        fields: { label: { type: "string" } },
        operations: ["create", "delete"],
        actions: {},
      },
      problems: [],
    });
  });

  it("names the entity after the schema the item's response refers to", () => {
    const raw = {
      get: {
        responses: {
          200: {
            content: { "application/json": { schema: { $ref: "#/components/schemas/CargoBox" } } },
          },
        },
      },
    };
    const item = {
      get: { responses: { 200: body({ id: { type: "integer" }, size: { type: "integer" } }) } },
    };
    const reading = readEntity(
      group({ item: { path: "/boxes/{id}", item, raw, parameter: "id" } }),
    );
    expect(reading.name).toBe("cargoBox");
    expect(reading.definition?.fields).toEqual({ size: { type: "integer" } });
    expect(reading.definition?.operations).toEqual(["read"]);
  });

  it("reads actions with their method, input and success status", () => {
    const actions = new Map([
      [
        "seal",
        {
          path: "/boxes/{id}/seal",
          item: {
            put: { requestBody: body({ by: { type: "string" } }), responses: { 202: {}, 409: {} } },
          },
          raw: {},
        },
      ],
      ["open-up", { path: "/boxes/{id}/open-up", item: { post: {} }, raw: {} }],
    ]);
    const reading = readEntity(
      group({
        collectionItem: {
          path: "/boxes",
          item: { post: { requestBody: body({ a: { type: "string" } }) } },
          raw: {},
        },
        actions,
      }),
    );
    expect(reading.definition?.actions).toEqual({
      seal: { method: "PUT", input: { by: { type: "string" } }, status: 202 },
    });
    expect(reading.problems).toEqual([
      {
        pointer: "#/paths/~1boxes~1{id}~1open-up",
        message: `the action "open-up" must be a word (letters, digits and '_') to be an action's name`,
      },
    ]);
  });

  it("reports methods a path cannot have and an entity without fields", () => {
    const reading = readEntity(
      group({ collectionItem: { path: "/boxes", item: { get: {}, delete: {} }, raw: {} } }),
    );
    expect(reading.problems).toEqual([
      {
        pointer: "#/paths/~1boxes/delete",
        message: "delete is not supported on /boxes; the methods here are post, get",
      },
      {
        pointer: "#/paths/~1boxes",
        message: "no request body or response schema says the fields of this entity",
      },
    ]);
  });
});
