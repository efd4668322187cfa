import { describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { camelCase, NameTable, pascalCase, planService } from "./service-plan.js";

function specWith(model: HttpServiceModel): Spec {
  return {
    source: "plan.md",
    hash: "h",
    frontMatter: { name: "plan-test", kind: "http-service", description: "A test." },
    title: "Plan test",
    prose: [],
    criteria: [],
    model: { kind: "http-service", model },
  };
}

describe("planService", () => {
  it("names each entity's type, resource, fields and actions after the model", () => {
    const model = HttpServiceModel.parse({
      entities: {
        product: {
          path: "/products",
          fields: { sku: "string" },
          actions: { reserve: { effects: {} } },
        },
      },
    });
    const [product] = planService(specWith(model), model).entities;
    expect(product).toMatchObject({
      typeName: "Product",
      recordVariable: "product",
      resource: "products",
      pluralName: "Products",
      fieldsConstant: "productFields",
      actions: [
        {
          name: "reserve",
          descriptor: "reserveProduct",
          functionName: "reserve",
          inputConstant: "productReserveInput",
          inputType: "ProductReserveInput",
        },
      ],
    });
  });

  it("never hands out a reserved word or a name twice", () => {
    const model = HttpServiceModel.parse({
      entities: {
        route: { path: "/api/routes", fields: { name: "string" } },
        input: {
          path: "/v1/delete",
          fields: { name: "string" },
          actions: { delete: {}, new: {} },
        },
        todo_item: { fields: { name: "string" } },
      },
    });
    const [route, input, todoItem] = planService(specWith(model), model).entities;
    expect(route?.typeName).toBe("Route2");
    expect(route?.resource).toBe("routes2");
    expect(input?.recordVariable).toBe("record");
    expect(input?.resource).toBe("delete2");
    expect(input?.actions.map((action) => action.functionName)).toEqual(["delete3", "new2"]);
    expect(todoItem).toMatchObject({ typeName: "TodoItem", path: "/todo_items" });
    expect(todoItem?.resource).toBe("todoItems");
  });
});

describe("names", () => {
  it("converts words between cases", () => {
    expect(pascalCase("todo_item")).toBe("TodoItem");
    expect(pascalCase("todo-items")).toBe("TodoItems");
    expect(camelCase("priceCents")).toBe("priceCents");
    expect(camelCase("Todo_item")).toBe("todoItem");
  });

  it("numbers a name already taken", () => {
    const names = new NameTable(["taken"]);
    expect([names.claim("taken"), names.claim("taken"), names.claim("free")]).toEqual([
      "taken2",
      "taken3",
      "free",
    ]);
  });
});
