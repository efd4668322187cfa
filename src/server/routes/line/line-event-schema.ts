/**
 * A line event as the API sends it (in lists, histories and the event stream): one object per type in the
 * event registry, told apart by `type`. Built from the registry itself, so a new event type appears here
 * and in the OpenAPI document without anyone editing this file.
 */
import { z } from "@hono/zod-openapi";
import {
  type LineEvent,
  type LineEventType,
  lineEventPayloads,
  lineEventTypes,
} from "../../../contracts/line-event.js";

function eventSchema<Type extends LineEventType>(type: Type) {
  return z.strictObject({
    /** 1, 2, 3…: the order the events were written in, across all work items. */
    sequence: z.int().positive(),
    at: z.string(),
    workItem: z.string(),
    type: z.literal(type),
    payload: lineEventPayloads[type],
  });
}

/** One member of the union per event type (distributive, so each keeps its own payload). */
type EventSchema<Type extends LineEventType = LineEventType> = Type extends LineEventType
  ? ReturnType<typeof eventSchema<Type>>
  : never;

const eventSchemas = lineEventTypes.map((type) => eventSchema(type)) as [
  EventSchema,
  ...EventSchema[],
];

export const LineEventSchema = z
  .discriminatedUnion("type", eventSchemas)
  .openapi("LineEvent") satisfies z.ZodType<LineEvent>;
