/**
 * What every part of the http generator reads: the model's entities with their paths and writable fields,
 * the conventions, seeded pools of valid values per field, distinct values for unique fields that cannot
 * carry the trial's token, and the notes for the user (each said once).
 */
import type {
  CrudOperation,
  EntityDefinition,
  FieldDefinition,
  HttpServiceModel,
} from "../../contracts/spec.js";
import { deriveSeed } from "./derive-seed.js";
import { validValues } from "./valid-values.js";

export interface EntityInfo {
  name: string;
  /** The collection's path: the model's, or `/` + name + `s`. */
  path: string;
  definition: EntityDefinition;
  fields: [string, FieldDefinition][];
  /** Fields a client may send: every field that is not readOnly. */
  writable: [string, FieldDefinition][];
}

const poolSize = 48;
const distinctBatchSize = 100;
const maximumBatches = 3;

export class HttpContext {
  readonly entities: EntityInfo[];
  private readonly noteSet = new Set<string>();
  private readonly pools = new Map<string, unknown[]>();
  private readonly uniqueCursor = new Map<string, number>();

  constructor(
    readonly model: HttpServiceModel,
    readonly seed: number,
  ) {
    this.entities = Object.entries(model.entities).map(([name, definition]) =>
      entityInfo(name, definition),
    );
  }

  get notes(): string[] {
    return [...this.noteSet];
  }

  note(text: string): void {
    this.noteSet.add(text);
  }

  supports(entity: EntityInfo, operation: CrudOperation): boolean {
    return entity.definition.operations.includes(operation);
  }

  /** Seeded valid values of a field (an entity's field or an action's input), the same every time. */
  pool(key: string, field: FieldDefinition): unknown[] {
    const cached = this.pools.get(key);
    if (cached) return cached;
    const values = validValues(field, deriveSeed(this.seed, key), poolSize);
    this.pools.set(key, values);
    return values;
  }

  /** The next of a supply of distinct valid values, for a unique field that cannot carry a token. */
  nextDistinct(key: string, field: FieldDefinition): unknown {
    const poolKey = `${key}#distinct`;
    const supply = this.pools.get(poolKey) ?? [];
    this.pools.set(poolKey, supply);
    const cursor = this.uniqueCursor.get(poolKey) ?? 0;
    this.uniqueCursor.set(poolKey, cursor + 1);
    if (cursor >= supply.length) this.extendSupply(key, field, supply);
    if (cursor < supply.length) return supply[cursor];
    this.note(`${key}: the ${supply.length} distinct values it allows were all used; some repeat`);
    return supply[cursor % Math.max(1, supply.length)];
  }

  /** Draws more distinct values in batches (each from its own seed) until one is new. */
  private extendSupply(key: string, field: FieldDefinition, supply: unknown[]): void {
    const seen = new Set(supply.map((value) => JSON.stringify(value)));
    for (let attempt = 0; attempt < maximumBatches; attempt += 1) {
      const batch = Math.floor(supply.length / distinctBatchSize) + attempt;
      const draws = validValues(
        field,
        deriveSeed(this.seed, `${key}#distinct/${batch}`),
        distinctBatchSize,
      );
      const before = supply.length;
      for (const value of draws) {
        const text = JSON.stringify(value);
        if (seen.has(text)) continue;
        seen.add(text);
        supply.push(value);
      }
      if (supply.length > before) return;
    }
  }
}

function entityInfo(name: string, definition: EntityDefinition): EntityInfo {
  const fields = Object.entries(definition.fields);
  return {
    name,
    path: definition.path ?? `/${name}s`,
    definition,
    fields,
    writable: fields.filter(([, field]) => !field.readOnly),
  };
}
