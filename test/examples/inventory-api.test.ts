/**
 * The inventory-api example: the spec reader accepts its spec (rules and effects included), and its
 * build, started as a real process, passes the spec's worked and inline examples and behaves as
 * docs/spec-conventions.md promises for a service with a unique field and actions with rules.
 */
import { fileURLToPath } from "node:url";
import { compileExpression } from "filtrex";
import { describe, expect, it } from "vitest";
import { httpModelOf, loadExampleSpec, parseHttpExample } from "./support/example-spec.js";
import { callExample } from "./support/http-client.js";
import { describeInventoryService, useInventoryServer } from "./support/inventory-behaviour.js";
import { runModelExamples } from "./support/run-scenarios.js";

const serverPath = fileURLToPath(
  new URL("../../examples/inventory-api/build/server.mjs", import.meta.url),
);
const spec = await loadExampleSpec("inventory-api");
const model = httpModelOf(spec);
const product = model.entities.product;

describe("the inventory-api spec", () => {
  it("is an http-service spec whose model says what the prose says", () => {
    expect(spec.frontMatter).toMatchObject({ name: "inventory-api", kind: "http-service" });
    expect(product?.fields).toMatchObject({
      sku: { type: "string", required: true, unique: true, pattern: "^[A-Z]{3}-[0-9]{4}$" },
      name: { type: "string", required: true, minLength: 1, maxLength: 100 },
      priceCents: { type: "integer", required: true, min: 0, max: 1_000_000 },
      category: { type: "string", enum: ["tools", "garden", "kitchen", "toys"], default: "tools" },
      stock: { type: "integer", readOnly: true, default: 0, min: 0, max: 100_000 },
      active: { type: "boolean", readOnly: true, default: true },
    });
    expect(Object.keys(product?.actions ?? {})).toEqual(["restock", "reserve", "discontinue"]);
    expect(product?.actions.reserve?.requires).toEqual([
      { check: "active", status: 409, error: "product is discontinued" },
      { check: "quantity <= stock", status: 409, error: "not enough stock" },
    ]);
  });

  it("writes rules and effects that filtrex computes as the build does", () => {
    const constants = { true: true, false: false };
    const evaluate = (expression: string, values: Record<string, unknown>) =>
      compileExpression(expression, { constants })(values);
    const record = { stock: 5, active: true, quantity: 3 };
    const actions = product?.actions ?? {};
    expect(evaluate(actions.restock?.effects.stock ?? "", record)).toBe(8);
    expect(evaluate(actions.reserve?.effects.stock ?? "", record)).toBe(2);
    expect(evaluate(actions.discontinue?.effects.active ?? "", record)).toBe(false);
    const [active, enough] = actions.reserve?.requires ?? [];
    expect(evaluate(active?.check ?? "", { ...record, active: false })).toBe(false);
    expect(evaluate(enough?.check ?? "", { ...record, quantity: 6 })).toBe(false);
  });

  it("has 8 to 12 criteria, several with inline examples, each shown by a worked example", () => {
    expect(spec.criteria.length).toBeGreaterThanOrEqual(8);
    expect(spec.criteria.length).toBeLessThanOrEqual(12);
    expect(spec.criteria.filter((criterion) => criterion.examples.length > 0).length).toBe(9);
    const shown = new Set(model.examples.flatMap((example) => example.criteria));
    expect(spec.criteria.map((criterion) => criterion.id).filter((id) => !shown.has(id))).toEqual(
      [],
    );
  });
});

describe("the inventory-api build against its spec's examples", () => {
  const inventory = useInventoryServer(serverPath);

  it("passes every worked example of the spec's model", async () => {
    const results = await runModelExamples(spec, model.examples, {
      kind: "http",
      baseUrl: inventory.server().baseUrl,
    });
    expect(results).toHaveLength(model.examples.length);
    expect(results.filter((result) => !result.pass)).toEqual([]);
  });

  it("answers every inline example of the criteria as the spec says", async () => {
    for (const { input, expected } of spec.criteria.flatMap((criterion) => criterion.examples)) {
      const example = parseHttpExample(input, expected);
      const answer = await callExample(inventory.call, example, async () =>
        String((await inventory.createProduct()).id),
      );
      expect(answer.status, input).toBe(example.status);
      expect(answer.body, input).toMatchObject(example.subset ?? {});
    }
  });
});

describeInventoryService("the inventory-api build", serverPath);
