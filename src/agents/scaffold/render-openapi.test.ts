import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { fieldSchema, renderOpenApi } from "./render-openapi.js";
import { planService } from "./service-plan.js";

const model = HttpServiceModel.parse({
  entities: {
    product: {
      description: "Something the shop sells.",
      path: "/products",
      fields: {
        sku: { type: "string", required: true, unique: true, pattern: "[A-Z]{3}" },
        stock: { type: "integer", readOnly: true, default: 0, min: 0 },
        born: { type: "date" },
      },
      actions: {
        reserve: {
          input: { quantity: { type: "integer", required: true, min: 1 } },
          requires: [{ check: "quantity <= stock", status: 409, error: "not enough stock" }],
          effects: { stock: "stock - quantity" },
        },
      },
    },
    note: { fields: { text: "string" }, operations: ["read", "list"] },
  },
  errors: { messageField: "message" },
});

const spec: Spec = {
  source: "openapi.md",
  hash: "h",
  frontMatter: { name: "openapi-test", kind: "http-service" },
  title: "OpenAPI test",
  prose: [],
  criteria: [],
  model: { kind: "http-service", model },
};

const document = JSON.parse(renderOpenApi(planService(spec, model)));

describe("renderOpenApi", () => {
  it("writes a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("describes every endpoint the service has, and no other", () => {
    expect(Object.keys(document.paths)).toEqual([
      "/health",
      "/products",
      "/products/{id}",
      "/products/{id}/reserve",
      "/notes",
      "/notes/{id}",
    ]);
    expect(Object.keys(document.paths["/notes/{id}"])).toEqual(["parameters", "get"]);
    expect(Object.keys(document.paths["/products"])).toEqual(["get", "post"]);
  });

  it("lists the refusals an endpoint answers, an action's rules with their errors", () => {
    const reserve = document.paths["/products/{id}/reserve"].post;
    expect(Object.keys(reserve.responses).sort()).toEqual([
      "200",
      "400",
      "404",
      "409",
      "413",
      "415",
    ]);
    expect(reserve.responses["409"].description).toContain(
      '"not enough stock" when quantity <= stock is false',
    );
    expect(document.paths["/products"].post.responses["409"]).toBeDefined();
    expect(document.components.schemas.Error.required).toEqual(["message"]);
  });

  it("gives the record, create and update bodies the model's rules", () => {
    const { Product, ProductCreate, ProductUpdate } = document.components.schemas;
    expect(Product.required).toEqual(["id", "sku", "stock"]);
    expect(Product.properties.id).toEqual({ type: "string", readOnly: true });
    expect(ProductCreate).toMatchObject({ required: ["sku"], additionalProperties: false });
    expect(Object.keys(ProductCreate.properties)).toEqual(["sku", "born"]);
    expect(ProductUpdate.required).toBeUndefined();
  });
});

describe("fieldSchema", () => {
  it("writes each rule as JSON Schema", () => {
    expect(fieldSchema(model.entities.product?.fields.sku as never)).toEqual({
      type: "string",
      pattern: "^(?:[A-Z]{3})$",
    });
    expect(fieldSchema({ type: "date", required: false, unique: false, readOnly: false })).toEqual({
      type: "string",
      format: "date",
    });
    expect(
      fieldSchema({
        type: "integer",
        min: 1,
        max: 5,
        default: 3,
        enum: [1, 3, 5],
        readOnly: true,
        required: false,
        unique: false,
        description: "How urgent.",
      }),
    ).toEqual({
      description: "How urgent.",
      type: "integer",
      minimum: 1,
      maximum: 5,
      enum: [1, 3, 5],
      default: 3,
      readOnly: true,
    });
  });
});
