import { describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { renderServer } from "./render-server.js";
import { planService } from "./service-plan.js";

function serverFor(model: HttpServiceModel): string {
  const spec: Spec = {
    source: "server.md",
    hash: "h",
    frontMatter: { name: "server-test", kind: "http-service", description: "A catalogue." },
    title: "Server test",
    prose: [],
    criteria: [],
    model: { kind: "http-service", model },
  };
  return renderServer(planService(spec, model));
}

describe("renderServer", () => {
  it("routes every operation and action of every entity, and the health check", () => {
    const text = serverFor(
      HttpServiceModel.parse({
        entities: {
          product: {
            path: "/shop/products",
            fields: { sku: { type: "string", unique: true } },
            actions: { archive: { method: "PUT" } },
          },
        },
        http: { health: "/status" },
      }),
    );
    expect(text).toContain('path: "/status"');
    for (const route of [
      '{ method: "GET", path: "/shop/products", handle: ({ query }) => listRecords(products, query) }',
      '{ method: "GET", path: "/shop/products/:id", handle: ({ id }) => readRecord(products, id) }',
      'method: "PUT",\n    path: "/shop/products/:id/archive",',
    ]) {
      expect(text).toContain(route);
    }
    expect(text).toContain("function duplicateRefusal(");
    expect(text).toContain('import { type Action, archiveProduct } from "./actions.js";');
  });

  it("writes only the handlers its routes use", () => {
    const text = serverFor(
      HttpServiceModel.parse({
        entities: { entry: { fields: { text: "string" }, operations: ["read", "list"] } },
      }),
    );
    for (const absent of [
      "createRecord",
      "updateRecord",
      "deleteRecord",
      "runAction",
      "readJson",
      "maximumBodyBytes",
      "duplicateRefusal",
      "conflict",
      "./actions.js",
      "validateRecord",
    ]) {
      expect(text, absent).not.toContain(absent);
    }
    expect(text).toContain("const statuses = { validation: 400, notFound: 404 };");
    expect(text).toContain("new MemoryCollection(idField, [])");
  });

  it("answers with the model's names for the list and the error message", () => {
    const text = serverFor(
      HttpServiceModel.parse({
        entities: { entry: { fields: { text: "string" } } },
        errors: { messageField: "message" },
        http: {
          itemsField: "results",
          totalField: "count",
          pageParameter: "p",
          limitParameter: "size",
        },
      }),
    );
    expect(text).toContain("body: { results: items, p: page, size: limit, count: total }");
    expect(text).toContain('query.get("p")');
    expect(text).toContain("return { status, body: { message } };");
    expect(text).toContain("server-test listening on");
  });

  it("checks an action's changes for duplicates only when an effect writes a unique field", () => {
    const withActions = (effects: Record<string, string>) =>
      serverFor(
        HttpServiceModel.parse({
          entities: {
            product: {
              fields: { sku: { type: "string", unique: true }, stock: "integer" },
              actions: { touch: { effects } },
            },
          },
        }),
      );
    const duplicateChecks = (text: string) => text.match(/duplicateField\(/g)?.length ?? 0;
    expect(duplicateChecks(withActions({ stock: "stock + 1" }))).toBe(2);
    expect(withActions({ stock: "stock + 1" })).not.toContain("duplicateField(outcome.changes");
    expect(duplicateChecks(withActions({ sku: '"X-" + sku' }))).toBe(3);
    expect(withActions({ sku: '"X-" + sku' })).toContain("duplicateField(outcome.changes, id)");
  });

  it("says in its header what the service is and how to run it", () => {
    const text = serverFor(
      HttpServiceModel.parse({ entities: { entry: { fields: { a: "string" } } } }),
    );
    expect(text.startsWith("/**\n * Server test: A catalogue.\n")).toBe(true);
    expect(text).toContain("Run: node dist/server.js");
  });
});
