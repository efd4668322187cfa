/**
 * Checks the release, monitor and incident records share before they write: a text field that must
 * not be empty, a work item that must exist, and a zod error put in one line for the caller.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import { ShopfloorError } from "../../contracts/errors.js";
import type { FactoryDatabase } from "../../store/factory-database.js";

export async function requireItem(
  database: Kysely<FactoryDatabase>,
  workItem: string,
): Promise<void> {
  const found = await database
    .selectFrom("work_item")
    .select("id")
    .where("id", "=", workItem)
    .executeTakeFirst();
  if (found === undefined)
    throw new ShopfloorError("not-found", `there is no work item ${workItem}`);
}

export function requireText(field: string, value: string): void {
  if (typeof value !== "string" || value.length === 0) {
    throw new ShopfloorError("invalid-argument", `the ${field} must not be empty`, { field });
  }
}

/** A zod error in one line: each problem's path and message. */
export function problems(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join(".") || "(value)"}: ${issue.message}`)
    .join("; ");
}
