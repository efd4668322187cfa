/**
 * A contract's strict object under a name in the OpenAPI document. zod gives a schema `.openapi()` when
 * the schema is built, and the contracts may be built before @hono/zod-openapi adds it (that depends on
 * import order), so the object is made anew from the same fields, as strict as it was. Browser-safe.
 */
import { z } from "@hono/zod-openapi";

export function namedSchema<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape, z.core.$strict>,
  name: string,
) {
  return z.strictObject(schema.shape).openapi(name);
}
