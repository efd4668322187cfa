/**
 * The line's audit log (`line_event`): appending an event whose payload the registry accepts, and reading
 * events back in the order they were written. The database numbers them, so the order holds across
 * processes writing to the same file.
 */
import type { Kysely, Selectable } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import {
  type LineEvent,
  type LineEventPayload,
  type LineEventType,
  lineEventPayloads,
  parseLineEventPayload,
} from "../../contracts/line-event.js";
import type { FactoryDatabase, LineEventTable } from "../../store/factory-database.js";

export interface EventQuery {
  workItem?: string;
  /** Only events of these types (a station checking what it announced reads only those). */
  types?: readonly LineEventType[];
  /** Only events after this sequence number (to follow the log from where a reader stopped). */
  afterSequence?: number;
  limit?: number;
  /** Only the newest this many of the events asked for, still in order (a page's recent events). */
  newest?: number;
}

export interface NewEvent<Type extends LineEventType> {
  workItem: string;
  type: Type;
  payload: LineEventPayload<Type>;
  at: string;
}

/** Writes an event (its payload checked against the registry) and returns it as stored. */
export async function insertEvent<Type extends LineEventType>(
  database: Kysely<FactoryDatabase>,
  event: NewEvent<Type>,
): Promise<LineEvent> {
  const payload = checkedPayload(event.type, event.payload);
  const row = await database
    .insertInto("line_event")
    .values({
      at: event.at,
      work_item: event.workItem,
      type: event.type,
      payload: JSON.stringify(payload),
    })
    .returning("sequence")
    .executeTakeFirstOrThrow();
  return {
    sequence: row.sequence,
    at: event.at,
    workItem: event.workItem,
    type: event.type,
    payload,
  } as LineEvent;
}

export async function selectEvents(
  database: Kysely<FactoryDatabase>,
  query: EventQuery = {},
): Promise<LineEvent[]> {
  let select = database.selectFrom("line_event").selectAll().orderBy("sequence", "asc");
  if (query.workItem !== undefined) select = select.where("work_item", "=", query.workItem);
  if (query.types !== undefined) {
    if (query.types.length === 0) return [];
    select = select.where("type", "in", query.types);
  }
  if (query.afterSequence !== undefined) {
    select = select.where("sequence", ">", query.afterSequence);
  }
  if (query.newest !== undefined) {
    const newest = await select
      .clearOrderBy()
      .orderBy("sequence", "desc")
      .limit(query.newest)
      .execute();
    return newest.reverse().map(eventFromRow);
  }
  if (query.limit !== undefined) select = select.limit(query.limit);
  return (await select.execute()).map(eventFromRow);
}

export function eventFromRow(row: Selectable<LineEventTable>): LineEvent {
  if (!isEventType(row.type)) {
    throw new ShopfloorError(
      "internal",
      `line event ${row.sequence} has the type "${row.type}", which the event registry does not define`,
    );
  }
  let payload: unknown;
  try {
    payload = parseLineEventPayload(row.type, JSON.parse(row.payload));
  } catch (error) {
    throw new ShopfloorError(
      "internal",
      `line event ${row.sequence} (${row.type}) has a payload its definition does not accept`,
      { cause: error },
    );
  }
  return {
    sequence: row.sequence,
    at: row.at,
    workItem: row.work_item,
    type: row.type,
    payload,
  } as LineEvent;
}

function checkedPayload<Type extends LineEventType>(
  type: Type,
  payload: unknown,
): LineEventPayload<Type> {
  if (!isEventType(type)) {
    throw new ShopfloorError("invalid-argument", `"${type}" is not an event the line defines`);
  }
  const parsed = lineEventPayloads[type].safeParse(payload);
  if (parsed.success) return parsed.data as LineEventPayload<Type>;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`)
    .join("; ");
  throw new ShopfloorError(
    "invalid-argument",
    `a ${type} event cannot carry this payload: ${problems}`,
    {
      cause: parsed.error,
    },
  );
}

function isEventType(type: string): type is LineEventType {
  return Object.hasOwn(lineEventPayloads, type);
}
