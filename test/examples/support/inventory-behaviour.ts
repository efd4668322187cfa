/**
 * What every correct build of examples/inventory-api/spec.md does, over real HTTP: CRUD, the unique SKU,
 * each validation rule, the actions with their rules and effects, 404s, 413/415 and text kept as sent.
 * Shared by the good build's test and the faulty build's (with its faults switched off).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpCall, httpClient } from "./http-client.js";
import { type RunningServer, startServer } from "./start-server.js";

export interface InventoryClient {
  call: HttpCall;
  /** A SKU no other product of this server has: `TST-0001`, `TST-0002`… */
  nextSku(): string;
  /** Creates a product (201 expected) and returns it. */
  createProduct(fields?: Record<string, unknown>): Promise<Record<string, unknown>>;
  server(): RunningServer;
}

/** Starts the build for the enclosing describe block and stops it after. */
export function useInventoryServer(
  script: string,
  environment: Record<string, string | undefined> = {},
): InventoryClient {
  let server: RunningServer | undefined;
  let call: HttpCall = () => Promise.reject(new Error("the server has not started"));
  let skuCount = 0;
  beforeAll(async () => {
    server = await startServer(script, environment);
    call = httpClient(server.baseUrl);
  });
  afterAll(() => server?.stop());
  const nextSku = () => `TST-${String(++skuCount).padStart(4, "0")}`;
  return {
    call: (...parameters) => call(...parameters),
    nextSku,
    createProduct: async (fields = {}) => {
      const answer = await call("POST", "/products", {
        sku: nextSku(),
        name: "Spirit level",
        priceCents: 2500,
        ...fields,
      });
      expect(answer.status, answer.text).toBe(201);
      return answer.body;
    },
    server: () => {
      if (!server) throw new Error("the server has not started");
      return server;
    },
  };
}

export function describeInventoryService(
  title: string,
  script: string,
  environment: Record<string, string | undefined> = {},
): void {
  describe(title, () => {
    const inventory = useInventoryServer(script, environment);
    const { call, createProduct, nextSku } = inventory;
    const path = (product: Record<string, unknown>, action = "") =>
      `/products/${String(product.id)}${action ? `/${action}` : ""}`;
    const productCount = async () => (await call("GET", "/products?limit=1")).body.total;

    it("creates a product with its defaults, and reads, updates and deletes it", async () => {
      const sku = nextSku();
      const created = await createProduct({ sku, name: "Tape", priceCents: 0 });
      expect(created).toEqual({
        id: created.id,
        sku,
        name: "Tape",
        priceCents: 0,
        category: "tools",
        stock: 0,
        active: true,
      });
      expect(await call("GET", path(created))).toMatchObject({ status: 200, body: created });
      const updated = await call("PATCH", path(created), { name: "Duct tape", category: "toys" });
      expect(updated).toMatchObject({
        status: 200,
        body: { ...created, name: "Duct tape", category: "toys" },
      });
      expect(await call("PATCH", path(created), {})).toMatchObject({ body: updated.body });
      expect((await call("DELETE", path(created))).status).toBe(204);
      expect((await call("GET", path(created))).status).toBe(404);
      expect((await call("DELETE", path(created))).status).toBe(404);
    });

    it("refuses a second product with the same SKU, created or updated to it", async () => {
      const first = await createProduct();
      const second = await createProduct();
      const duplicate = await call("POST", "/products", {
        sku: first.sku,
        name: "Copy",
        priceCents: 1,
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error).toBe("a product already has this sku");
      expect((await call("PATCH", path(second), { sku: first.sku })).status).toBe(409);
      expect((await call("PATCH", path(first), { sku: first.sku })).status).toBe(200);
      const renamed = nextSku();
      expect((await call("PATCH", path(first), { sku: renamed })).body.sku).toBe(renamed);
      await createProduct({ sku: first.sku }); // the old SKU is free again
      await call("DELETE", path(second));
      await createProduct({ sku: second.sku }); // and so is a deleted product's
    });

    it("lets exactly one of 20 parallel creates with the same SKU succeed", async () => {
      const sku = nextSku();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          call("POST", "/products", { sku, name: "Race", priceCents: 1 }),
        ),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    });

    const invalidProducts: [string, Record<string, unknown>][] = [
      ["a lower-case SKU", { sku: "abc-1234" }],
      ["a SKU with a suffix", { sku: "ABC-12345" }],
      ["a SKU with a line break after it", { sku: "ABC-1234\n" }],
      ["a missing SKU", { sku: undefined }],
      ["an empty name", { name: "" }],
      ["a name of 101 characters", { name: "n".repeat(101) }],
      ["a negative price", { priceCents: -1 }],
      ["a price above 1000000", { priceCents: 1_000_001 }],
      ["a price with cents", { priceCents: 12.5 }],
      ["a price as a string", { priceCents: "1299" }],
      ["an unknown category", { category: "weapons" }],
      ["a category in capitals", { category: "Tools" }],
      ["a null category", { category: null }],
      ["a stock", { stock: 10 }],
      ["an active flag", { active: false }],
      ["an id", { id: "00000000-0000-4000-8000-000000000000" }],
      ["an unknown field", { colour: "red" }],
    ];

    it.each(invalidProducts)("refuses %s with 400 and stores nothing", async (_, fields) => {
      const before = await productCount();
      const body = { sku: nextSku(), name: "Level", priceCents: 100, ...fields };
      expect((await call("POST", "/products", body)).status).toBe(400);
      expect(await productCount()).toBe(before);
    });

    it("accepts the boundaries of every field and counts lengths in code points", async () => {
      const name = "🔨".repeat(100);
      const created = await createProduct({ name, priceCents: 1_000_000, category: "kitchen" });
      expect(created).toMatchObject({ name, priceCents: 1_000_000, category: "kitchen" });
      const tooLong = await call("POST", "/products", {
        sku: nextSku(),
        name: `${name}🔨`,
        priceCents: 1,
      });
      expect(tooLong.status).toBe(400);
    });

    it("refuses an update of a read-only or invalid field and leaves the product as it was", async () => {
      const product = await createProduct();
      for (const body of [
        { stock: 5 },
        { active: false },
        { priceCents: 1_000_001 },
        { sku: "x" },
      ]) {
        expect((await call("PATCH", path(product), body)).status, JSON.stringify(body)).toBe(400);
      }
      expect((await call("GET", path(product))).body).toEqual(product);
    });

    it("restocks, reserves and discontinues with the effects the model gives", async () => {
      const product = await createProduct();
      const restocked = await call("POST", path(product, "restock"), { quantity: 10_000 });
      expect(restocked).toMatchObject({ status: 200, body: { ...product, stock: 10_000 } });
      const reserved = await call("POST", path(product, "reserve"), { quantity: 1000 });
      expect(reserved).toMatchObject({ status: 200, body: { stock: 9000 } });
      const discontinued = await call("POST", path(product, "discontinue"));
      expect(discontinued).toMatchObject({ status: 200, body: { stock: 9000, active: false } });
      expect((await call("POST", path(product, "discontinue"), {})).body.active).toBe(false);
      expect((await call("POST", path(product, "restock"), { quantity: 1 })).body.stock).toBe(9001);
    });

    it("reserves the whole stock down to zero, then refuses with 409 'not enough stock'", async () => {
      const product = await createProduct();
      await call("POST", path(product, "restock"), { quantity: 7 });
      expect((await call("POST", path(product, "reserve"), { quantity: 7 })).body.stock).toBe(0);
      const refused = await call("POST", path(product, "reserve"), { quantity: 1 });
      expect(refused).toMatchObject({ status: 409, body: { error: "not enough stock" } });
      expect((await call("GET", path(product))).body.stock).toBe(0);
    });

    it("checks the rules in order: a discontinued product is refused before its stock", async () => {
      const product = await createProduct();
      await call("POST", path(product, "discontinue"));
      const refused = await call("POST", path(product, "reserve"), { quantity: 5 });
      expect(refused).toMatchObject({ status: 409, body: { error: "product is discontinued" } });
    });

    it("refuses a restock above 100000 with 409 and changes nothing", async () => {
      const product = await createProduct();
      for (let delivery = 0; delivery < 10; delivery++) {
        await call("POST", path(product, "restock"), { quantity: 10_000 });
      }
      const refused = await call("POST", path(product, "restock"), { quantity: 1 });
      expect(refused.status).toBe(409);
      expect((await call("GET", path(product))).body.stock).toBe(100_000);
    });

    it.each([
      ["restock", { quantity: 0 }],
      ["restock", { quantity: 10_001 }],
      ["restock", { quantity: 2.5 }],
      ["restock", { quantity: "5" }],
      ["restock", { quantity: null }],
      ["restock", {}],
      ["reserve", { quantity: 1001 }],
      ["reserve", { quantity: 1, note: "rush" }],
      ["discontinue", { reason: "old" }],
    ])("refuses %s with %j with 400 and changes nothing", async (action, input) => {
      const product = await createProduct();
      await call("POST", path(product, "restock"), { quantity: 2000 });
      expect((await call("POST", path(product, action), input)).status).toBe(400);
      expect((await call("GET", path(product))).body).toMatchObject({ stock: 2000, active: true });
    });

    it("answers 404 for an unknown product or action, and 405 for a wrong method", async () => {
      const unknown = "/products/00000000-0000-4000-8000-000000000000";
      expect((await call("POST", `${unknown}/restock`, { quantity: 1 })).status).toBe(404);
      expect((await call("GET", `${unknown}%2F..%2F..`)).status).toBe(404);
      const product = await createProduct();
      expect((await call("POST", path(product, "sell"), {})).status).toBe(404);
      expect((await call("POST", path(product, "__proto__"), {})).status).toBe(404);
      expect((await call("GET", path(product, "restock"))).status).toBe(405);
      expect((await call("PUT", path(product), { name: "x" })).status).toBe(405);
    });

    it("pages the list in creation order and refuses pages and limits out of range", async () => {
      const skus = [await createProduct(), await createProduct()].map((product) => product.sku);
      const all = await call("GET", "/products?limit=100");
      const listed = (all.body.items as { sku: string }[]).map((product) => product.sku);
      expect(listed.slice(-2)).toEqual(skus);
      expect(all.body).toMatchObject({ page: 1, limit: 100 });
      for (const query of ["page=0", "page=x", "limit=0", "limit=101", "limit=-5"]) {
        expect((await call("GET", `/products?${query}`)).status, query).toBe(400);
      }
    });

    it("refuses a body over 64 KiB with 413, a non-JSON one with 415, broken JSON with 400", async () => {
      const large = { sku: nextSku(), name: "n".repeat(70_000), priceCents: 1 };
      expect((await call("POST", "/products", large)).status).toBe(413);
      const form = {
        raw: "sku=ABC-1234",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      };
      expect((await call("POST", "/products", undefined, form)).status).toBe(415);
      const broken = { raw: '{"sku": ', headers: { "content-type": "application/json" } };
      expect((await call("POST", "/products", undefined, broken)).status).toBe(400);
      const product = await createProduct();
      expect((await call("POST", path(product, "reserve"), undefined, broken)).status).toBe(400);
    });

    it("stores names with quotes and markup exactly as sent, and never answers 5xx", async () => {
      const names = ["O'Brien's", "Robert'); DROP TABLE products;--", '<img src=x onerror="x">'];
      for (const name of names) {
        const product = await createProduct({ name });
        expect((await call("GET", path(product))).body.name).toBe(name);
        const renamed = await call("PATCH", path(product), { name: `${name}'` });
        expect(renamed.body.name).toBe(`${name}'`);
      }
      expect(inventory.server().exitCode()).toBeNull();
    });
  });
}
