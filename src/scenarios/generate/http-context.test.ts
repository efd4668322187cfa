import { describe, expect, it } from "vitest";
import { inventoryModel, present, todoModel } from "../../../test/support/http-test-specs.js";
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";

const fieldOf = (model: HttpServiceModel, entity: string, field: string) =>
  present(model.entities[entity]?.fields[field], `${entity}.${field}`);

describe("HttpContext", () => {
  it("knows each entity's path and writable fields", () => {
    const [todo] = new HttpContext(todoModel, 1).entities;
    expect(todo?.path).toBe("/todos");
    const [product] = new HttpContext(inventoryModel, 1).entities;
    expect(product?.path).toBe("/products");
    expect(product?.writable.map(([name]) => name)).toEqual(["sku", "name"]);
  });

  it("gives the same pools for the same seed", () => {
    const field = fieldOf(todoModel, "todo", "title");
    expect(new HttpContext(todoModel, 3).pool("todo.title", field)).toEqual(
      new HttpContext(todoModel, 3).pool("todo.title", field),
    );
  });

  it("hands out distinct values, and says so when a field runs out of them", () => {
    const context = new HttpContext(inventoryModel, 1);
    const sku = fieldOf(inventoryModel, "product", "sku");
    const values = Array.from({ length: 150 }, () => context.nextDistinct("product.sku", sku));
    expect(new Set(values).size).toBe(150);
    expect(context.notes).toEqual([]);
    const tiny = HttpServiceModel.parse({
      entities: { flag: { fields: { on: { type: "boolean", unique: true } } } },
    });
    const small = new HttpContext(tiny, 1);
    const field = fieldOf(tiny, "flag", "on");
    const drawn = Array.from({ length: 3 }, () => small.nextDistinct("flag.on", field));
    expect(new Set(drawn).size).toBe(2);
    expect(small.notes[0]).toMatch(/flag.on: the 2 distinct values it allows were all used/);
  });

  it("keeps each note once", () => {
    const context = new HttpContext(todoModel, 1);
    context.note("same");
    context.note("same");
    expect(context.notes).toEqual(["same"]);
  });
});
