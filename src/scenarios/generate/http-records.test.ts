import { describe, expect, it } from "vitest";
import { inventoryModel, present, todoModel } from "../../../test/support/http-test-specs.js";
import { HttpServiceModel } from "../../contracts/spec.js";
import { HttpContext } from "./http-context.js";
import { createBody, storedRecord, updateBody } from "./http-records.js";
import { isValidValue } from "./is-valid-value.js";
import { tokenStandIn } from "./unique-values.js";

describe("records", () => {
  const todoContext = new HttpContext(todoModel, 5);
  const todo = present(todoContext.entities[0], "the todo entity");

  it("makes valid create bodies with every required field", () => {
    for (let variant = 0; variant < 20; variant += 1) {
      const body = createBody(todoContext, todo, { variant });
      expect(body).toHaveProperty("title");
      for (const [name, value] of Object.entries(body)) {
        const field = present(todo.definition.fields[name], name);
        expect(isValidValue(field, value)).toBe(true);
      }
    }
    const required = createBody(todoContext, todo, { variant: 1, requiredOnly: true });
    expect(Object.keys(required)).toEqual(["title"]);
  });

  it("stores the defaults of the fields a body leaves out", () => {
    expect(storedRecord(todo, { title: "Milk" })).toEqual({
      title: "Milk",
      done: false,
      priority: 3,
    });
    expect(storedRecord(todo, { title: "Milk", done: true })).toMatchObject({ done: true });
  });

  it("never sends a read-only field, and changes one to three writable fields", () => {
    const context = new HttpContext(inventoryModel, 5);
    const product = present(context.entities[0], "the product entity");
    for (let variant = 0; variant < 10; variant += 1) {
      const body = createBody(context, product, { variant });
      expect(Object.keys(body).sort()).toEqual(["name", "sku"]);
      const changes = Object.keys(updateBody(context, product, { variant }));
      expect(changes.length).toBeGreaterThanOrEqual(1);
      expect(changes.every((name) => name === "sku" || name === "name")).toBe(true);
    }
  });

  it("gives unique fields a token where they can hold one, else a value no other record has", () => {
    const titles = HttpServiceModel.parse({
      entities: { todo: { fields: { title: { type: "string", unique: true, required: true } } } },
    });
    const unique = new HttpContext(titles, 1);
    const body = createBody(unique, present(unique.entities[0], "todo"), { variant: 0 });
    expect(String(body.title)).toContain(tokenStandIn);
    const context = new HttpContext(inventoryModel, 5);
    const product = present(context.entities[0], "the product entity");
    const skus = Array.from(
      { length: 30 },
      (_, variant) => createBody(context, product, { variant }).sku,
    );
    expect(new Set(skus).size).toBe(30);
    expect(context.notes.join()).toMatch(/product.sku is unique but cannot hold the trial's token/);
  });
});
