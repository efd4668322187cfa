import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { renderStore } from "./render-store.js";
import { compile } from "./scaffold-service.js";
import type { ServicePlan } from "./service-plan.js";

type StoredRecord = Record<string, unknown>;
interface Collection {
  page(offset: number, count: number): { items: StoredRecord[]; total: number };
  get(id: string): StoredRecord | undefined;
  duplicateField(fields: StoredRecord, ownId?: string): string | undefined;
  insert(fields: StoredRecord): StoredRecord;
  update(id: string, changes: StoredRecord): StoredRecord | undefined;
  delete(id: string): boolean;
}
type CollectionClass = new (idField: string, uniqueFields: readonly string[]) => Collection;

const folder = await mkdtemp(join(tmpdir(), "shopfloor-scaffold-store-"));
afterAll(() => rm(folder, { recursive: true }));

async function memoryCollection(): Promise<CollectionClass> {
  const source = renderStore({ name: "store-test" } as ServicePlan);
  const { path, content } = compile({ path: "src/store.ts", content: source });
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), content);
  const module = await import(pathToFileURL(join(folder, path)).href);
  return module.MemoryCollection;
}

const MemoryCollection = await memoryCollection();

describe("the generated MemoryCollection", () => {
  it("gives each record a new id under the id field and keeps creation order", () => {
    const records = new MemoryCollection("key", []);
    const first = records.insert({ name: "a" });
    const second = records.insert({ name: "b" });
    expect(Object.keys(first)).toEqual(["key", "name"]);
    expect(first.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.key).not.toBe(second.key);
    expect(records.page(0, 10)).toEqual({ items: [first, second], total: 2 });
    expect(records.page(1, 10)).toEqual({ items: [second], total: 2 });
    expect(records.page(5, 10)).toEqual({ items: [], total: 2 });
  });

  it("updates in place in the order and deletes", () => {
    const records = new MemoryCollection("id", []);
    const first = records.insert({ name: "a", size: 1 });
    const second = records.insert({ name: "b" });
    const updated = records.update(String(first.id), { size: 2 });
    expect(updated).toEqual({ id: first.id, name: "a", size: 2 });
    expect(records.page(0, 10).items).toEqual([updated, second]);
    expect(records.update("nobody", { size: 3 })).toBeUndefined();
    expect(records.delete(String(first.id))).toBe(true);
    expect(records.delete(String(first.id))).toBe(false);
    expect(records.get(String(first.id))).toBeUndefined();
  });

  it("knows which unique field a value would duplicate, and frees it on change or delete", () => {
    const records = new MemoryCollection("id", ["sku", "email"]);
    const first = records.insert({ sku: "A-1" });
    const id = String(first.id);
    expect(records.duplicateField({ sku: "A-1" })).toBe("sku");
    expect(records.duplicateField({ sku: "a-1" })).toBeUndefined();
    expect(records.duplicateField({ sku: "A-1" }, id)).toBeUndefined();
    expect(records.duplicateField({ email: undefined })).toBeUndefined();
    records.update(id, { sku: "A-2" });
    expect(records.duplicateField({ sku: "A-1" })).toBeUndefined();
    expect(records.duplicateField({ sku: "A-2" })).toBe("sku");
    records.delete(id);
    expect(records.duplicateField({ sku: "A-2" })).toBeUndefined();
  });
});
