/**
 * Valid records for create and update requests, and what the service stores from them: the fields sent
 * plus the defaults of those left out. Unique fields carry the trial's token where they can, so parallel
 * trials and repeats never collide; otherwise each record gets a value no other scenario uses.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { seededRandom } from "../../stats/random.js";
import { deriveSeed } from "./derive-seed.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { withToken } from "./unique-values.js";

export type RecordValues = Record<string, unknown>;

export interface RecordOptions {
  /** Which of the seeded variations (0, 1, 2…). */
  variant: number;
  /** Keeps several records of one scenario apart in their unique fields. */
  index?: number;
  /** Only the required fields; otherwise each optional field is sent about two times in three. */
  requiredOnly?: boolean;
}

/** A valid create body for the entity. */
export function createBody(
  context: HttpContext,
  entity: EntityInfo,
  options: RecordOptions,
): RecordValues {
  const random = seededRandom(deriveSeed(context.seed, `${entity.name}/record/${options.variant}`));
  const body: RecordValues = {};
  for (const [name, field] of entity.writable) {
    const include = field.required || (!options.requiredOnly && random() < 2 / 3);
    if (include) body[name] = fieldValue(context, entity, name, field, options);
  }
  return body;
}

/** A valid value of one field for a record, unique to the trial when the field is unique. */
export function fieldValue(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  field: FieldDefinition,
  options: RecordOptions,
): unknown {
  const key = `${entity.name}.${name}`;
  const pool = context.pool(key, field);
  const value = pool[(options.variant * 7 + (options.index ?? 0)) % Math.max(1, pool.length)];
  if (!field.unique) return value;
  return uniqueValue(context, key, field, value, options.index ?? 0);
}

/** A unique field's value: with the trial's token, or else one no other scenario of the suite uses. */
export function uniqueValue(
  context: HttpContext,
  key: string,
  field: FieldDefinition,
  value: unknown,
  index: number,
): unknown {
  const tokened = withToken(field, value, "append", index);
  if (tokened !== undefined) return tokened;
  context.note(
    `${key} is unique but cannot hold the trial's token (a pattern, an enum or a short maxLength): ` +
      "each scenario uses its own seeded value, so repeats of a scenario may conflict",
  );
  return context.nextDistinct(key, field);
}

/** The record as stored: the body, plus the defaults of every field it leaves out. */
export function storedRecord(entity: EntityInfo, body: RecordValues): RecordValues {
  const stored: RecordValues = { ...body };
  for (const [name, field] of entity.fields) {
    if (!(name in stored) && field.default !== undefined) stored[name] = field.default;
  }
  return stored;
}

/** An update body of one to three writable fields with new valid values. */
export function updateBody(
  context: HttpContext,
  entity: EntityInfo,
  options: RecordOptions,
): RecordValues {
  const random = seededRandom(deriveSeed(context.seed, `${entity.name}/update/${options.variant}`));
  const writable = entity.writable;
  if (writable.length === 0) return {};
  const wanted = 1 + Math.floor(random() * Math.min(3, writable.length));
  const start = Math.floor(random() * writable.length);
  const body: RecordValues = {};
  for (let offset = 0; offset < wanted; offset += 1) {
    const [name, field] = writable[(start + offset) % writable.length] as [string, FieldDefinition];
    body[name] = fieldValue(context, entity, name, field, {
      variant: options.variant + 1000,
      index: (options.index ?? 0) + 50,
    });
  }
  return body;
}
