/**
 * The exception queue in the store: what the line could not decide, with its evidence, and the decisions
 * people took on it. Opening is idempotent (a resumed station that opens the same exception again gets the
 * open one back) and an exception is decided once; each write carries its event in the same transaction.
 */
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import type {
  Decision,
  DecisionAction,
  ExceptionReason,
  LineException,
} from "../../contracts/work-item.js";
import type {
  DecisionTable,
  FactoryDatabase,
  LineExceptionTable,
} from "../../store/factory-database.js";
import { resolveId } from "./id-lookup.js";
import { decisionFromRow, exceptionFromRow } from "./line-rows.js";
import { type LineContext, unusedId, writeLine } from "./line-transaction.js";

export interface NewException {
  workItem: string;
  build?: string;
  reason: ExceptionReason;
  summary: string;
  evidence: Record<string, unknown>;
}

export interface NewDecision {
  /** The exception's full id. */
  exception: string;
  action: DecisionAction;
  by: string;
  reason: string;
  details?: Record<string, unknown>;
}

export interface ExceptionFilter {
  state?: LineException["state"];
  workItem?: string;
}

export async function openException(
  context: LineContext,
  input: NewException,
): Promise<LineException> {
  const evidence = jsonObject("evidence", input.evidence);
  return writeLine(context, async ({ transaction, at, append }) => {
    const item = await transaction
      .selectFrom("work_item")
      .select("id")
      .where("id", "=", input.workItem)
      .executeTakeFirst();
    if (item === undefined) {
      throw new ShopfloorError("not-found", `there is no work item ${input.workItem}`);
    }
    const open = await transaction
      .selectFrom("line_exception")
      .selectAll()
      .where("work_item", "=", input.workItem)
      .where("reason", "=", input.reason)
      .where("state", "=", "open")
      .where((expression) =>
        input.build === undefined
          ? expression("build", "is", null)
          : expression("build", "=", input.build),
      )
      .executeTakeFirst();
    if (open !== undefined) return exceptionFromRow(open);
    const id = await unusedId(
      () => context.randomHex(4),
      async (candidate) => (await selectException(transaction, candidate)) !== undefined,
    );
    await append(input.workItem, "exception.open", {
      exception: id,
      reason: input.reason,
      summary: input.summary,
    });
    const row: LineExceptionTable = {
      id,
      work_item: input.workItem,
      build: input.build ?? null,
      reason: input.reason,
      summary: input.summary,
      evidence,
      state: "open",
      opened_at: at,
    };
    await transaction.insertInto("line_exception").values(row).execute();
    return exceptionFromRow(row);
  });
}

/** Exceptions, oldest first (the queue's order). */
export async function listExceptions(
  database: Kysely<FactoryDatabase>,
  filter: ExceptionFilter = {},
): Promise<LineException[]> {
  let select = database
    .selectFrom("line_exception")
    .selectAll()
    .orderBy("opened_at", "asc")
    .orderBy("id", "asc");
  if (filter.state !== undefined) select = select.where("state", "=", filter.state);
  if (filter.workItem !== undefined) select = select.where("work_item", "=", filter.workItem);
  return (await select.execute()).map(exceptionFromRow);
}

export async function findException(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<LineException | undefined> {
  const row = await selectException(database, id);
  return row === undefined ? undefined : exceptionFromRow(row);
}

/** The exception with this id, or the one whose id starts with it; else an error naming close ids. */
export async function requireException(
  database: Kysely<FactoryDatabase>,
  idOrPrefix: string,
): Promise<LineException> {
  const id = await resolveId(database, "line_exception", "exception", idOrPrefix);
  const found = await findException(database, id);
  if (found === undefined) throw new ShopfloorError("not-found", `there is no exception ${id}`);
  return found;
}

/** Records a person's decision on an open exception, which becomes decided. */
export async function recordDecision(context: LineContext, input: NewDecision): Promise<Decision> {
  const details = jsonObject("details", input.details ?? {});
  return writeLine(context, async ({ transaction, at, append }) => {
    const exception = await selectException(transaction, input.exception);
    if (exception === undefined) {
      throw new ShopfloorError("not-found", `there is no exception ${input.exception}`);
    }
    if (exception.state !== "open") {
      throw new ShopfloorError(
        "invalid-argument",
        `exception ${exception.id} was already decided; \`shopfloor history ${exception.work_item}\` shows how`,
      );
    }
    const id = await unusedId(
      () => context.randomHex(4),
      async (candidate) =>
        (await transaction
          .selectFrom("decision")
          .select("id")
          .where("id", "=", candidate)
          .executeTakeFirst()) !== undefined,
    );
    await append(exception.work_item, "decision.record", {
      decision: id,
      exception: exception.id,
      action: input.action,
      by: input.by,
      reason: input.reason,
    });
    const row: DecisionTable = {
      id,
      exception: exception.id,
      work_item: exception.work_item,
      action: input.action,
      decided_by: input.by,
      reason: input.reason,
      at,
      details,
    };
    await transaction.insertInto("decision").values(row).execute();
    await transaction
      .updateTable("line_exception")
      .set({ state: "decided" })
      .where("id", "=", exception.id)
      .execute();
    return decisionFromRow(row);
  });
}

/** A work item's decisions, in the order they were taken. */
export async function listDecisions(
  database: Kysely<FactoryDatabase>,
  workItem: string,
): Promise<Decision[]> {
  const rows = await database
    .selectFrom("decision")
    .selectAll()
    .where("work_item", "=", workItem)
    .orderBy("at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map(decisionFromRow);
}

async function selectException(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<LineExceptionTable | undefined> {
  return database.selectFrom("line_exception").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The JSON of a plain object; anything else (an array, a value JSON cannot hold) is refused. */
function jsonObject(field: string, value: Record<string, unknown>): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ShopfloorError("invalid-argument", `the ${field} must be an object`, { field });
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new ShopfloorError("invalid-argument", `the ${field} cannot be stored as JSON`, {
      field,
      cause: error,
    });
  }
}
