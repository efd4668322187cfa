/**
 * Writes the scaffolded service's `src/store.ts`: records kept in memory behind a small `Collection`
 * interface (a database could implement it), in creation order, with an index per unique field.
 */
import { docComment } from "./code-text.js";
import type { ServicePlan } from "./service-plan.js";

export function renderStore(plan: ServicePlan): string {
  const header = docComment(
    `Where ${plan.name} keeps its records: in memory, so nothing survives a restart. Each collection keeps its records in creation order behind a small interface a database could implement, with an index per unique field so that no two records share a value of it.`,
  );
  return `${header}
import { randomUUID } from "node:crypto";

/** A record as the API shows it: its id and its fields. */
export type StoredRecord = Record<string, unknown>;

export interface Collection {
  /** \`count\` records from \`offset\`, in creation order, and how many there are in all. */
  page(offset: number, count: number): { items: StoredRecord[]; total: number };
  get(id: string): StoredRecord | undefined;
  /** The first unique field whose value in \`fields\` a record other than \`ownId\` already has. */
  duplicateField(fields: StoredRecord, ownId?: string): string | undefined;
  /** Stores the fields as a new record under a new id; returns the record. */
  insert(fields: StoredRecord): StoredRecord;
  /** Changes some fields of a record; returns it as it is now, or undefined when there is none. */
  update(id: string, changes: StoredRecord): StoredRecord | undefined;
  /** Whether there was a record to delete. */
  delete(id: string): boolean;
}

export class MemoryCollection implements Collection {
  /** id → record; a Map keeps insertion order, which is the list's creation order. */
  readonly #records = new Map<string, StoredRecord>();
  /** unique field → value → the id of the record that has it. */
  readonly #indexes = new Map<string, Map<unknown, string>>();
  readonly #idField: string;

  constructor(idField: string, uniqueFields: readonly string[]) {
    this.#idField = idField;
    for (const field of uniqueFields) this.#indexes.set(field, new Map());
  }

  page(offset: number, count: number): { items: StoredRecord[]; total: number } {
    const all = [...this.#records.values()];
    return { items: all.slice(offset, offset + count), total: all.length };
  }

  get(id: string): StoredRecord | undefined {
    return this.#records.get(id);
  }

  duplicateField(fields: StoredRecord, ownId?: string): string | undefined {
    for (const [field, index] of this.#indexes) {
      if (!Object.hasOwn(fields, field)) continue;
      const holder = index.get(fields[field]);
      if (holder !== undefined && holder !== ownId) return field;
    }
    return undefined;
  }

  insert(fields: StoredRecord): StoredRecord {
    const id = randomUUID();
    const record = { [this.#idField]: id, ...fields };
    this.#records.set(id, record);
    this.#index(id, record);
    return record;
  }

  update(id: string, changes: StoredRecord): StoredRecord | undefined {
    const current = this.#records.get(id);
    if (current === undefined) return undefined;
    const updated = { ...current, ...changes };
    this.#unindex(current);
    this.#records.set(id, updated);
    this.#index(id, updated);
    return updated;
  }

  delete(id: string): boolean {
    const current = this.#records.get(id);
    if (current === undefined) return false;
    this.#unindex(current);
    return this.#records.delete(id);
  }

  #index(id: string, record: StoredRecord): void {
    for (const [field, index] of this.#indexes) {
      if (Object.hasOwn(record, field)) index.set(record[field], id);
    }
  }

  #unindex(record: StoredRecord): void {
    for (const [field, index] of this.#indexes) index.delete(record[field]);
  }
}
`;
}
