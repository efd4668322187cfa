/**
 * Work items in the store: creating one, moving it from state to state (compare-and-set on the state it
 * is expected to be in, the `work-item.transition` event written before the change, a repeated move
 * recognised as already made), and finding items by id, prefix or state.
 */
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import {
  LineUp,
  type WorkItem,
  type WorkItemState,
  workItemStates,
} from "../../contracts/work-item.js";
import type { FactoryDatabase, WorkItemTable } from "../../store/factory-database.js";
import { resolveId } from "./id-lookup.js";
import { workItemFromRow } from "./line-rows.js";
import { type LineContext, unusedId, writeLine } from "./line-transaction.js";

export interface NewWorkItem {
  name: string;
  specPath: string;
  specHash: string;
  profile: string;
  lineUp: LineUp;
  parent?: string;
  /** The incident a fix item repairs (the monitor opens fix items). */
  fixes?: string;
}

export interface TransitionChange {
  from: WorkItemState;
  to: WorkItemState;
  reason: string;
  /** The attempt the item is in after the move; default: unchanged. */
  attempt?: number;
  suite?: string;
  approvedBuild?: string;
}

export interface TransitionOutcome {
  item: WorkItem;
  /** False when the item was already in `to` with that attempt: a resumed station moves on. */
  changed: boolean;
}

export async function createWorkItem(context: LineContext, input: NewWorkItem): Promise<WorkItem> {
  const parsedLineUp = LineUp.safeParse(input.lineUp);
  if (!parsedLineUp.success) {
    throw new ShopfloorError(
      "invalid-argument",
      `the line-up is not valid: ${parsedLineUp.error.message}`,
    );
  }
  const lineUp = parsedLineUp.data;
  return writeLine(context, async ({ transaction, at, append }) => {
    const id = await unusedId(
      () => `${input.name}-${context.randomHex(3)}`,
      async (candidate) => (await selectRow(transaction, candidate)) !== undefined,
    );
    await append(id, "work-item.create", {
      name: input.name,
      specPath: input.specPath,
      specHash: input.specHash,
      profile: input.profile,
      lineUp,
      ...(input.parent === undefined ? {} : { parent: input.parent }),
      ...(input.fixes === undefined ? {} : { fixes: input.fixes }),
    });
    const row: WorkItemTable = {
      id,
      name: input.name,
      spec_path: input.specPath,
      spec_hash: input.specHash,
      profile: input.profile,
      line_up: JSON.stringify(lineUp),
      state: "intake",
      attempt: 1,
      suite: null,
      approved_build: null,
      parent: input.parent ?? null,
      fixes: input.fixes ?? null,
      created_at: at,
      updated_at: at,
    };
    await transaction.insertInto("work_item").values(row).execute();
    return workItemFromRow(row);
  });
}

export async function transitionWorkItem(
  context: LineContext,
  workItem: string,
  change: TransitionChange,
): Promise<TransitionOutcome> {
  return writeLine(context, async ({ transaction, at, append }) => {
    const row = await selectRow(transaction, workItem);
    if (row === undefined) throw notFound(workItem);
    const attempt = change.attempt ?? row.attempt;
    if (row.state === change.to && row.attempt === attempt) {
      return { item: workItemFromRow(row), changed: false };
    }
    if (row.state !== change.from) {
      throw new ShopfloorError(
        "invalid-argument",
        `work item ${workItem} is in state ${row.state} (attempt ${row.attempt}), not ${change.from}: ` +
          `it cannot move from ${change.from} to ${change.to}`,
      );
    }
    await append(workItem, "work-item.transition", {
      from: change.from,
      to: change.to,
      reason: change.reason,
      attempt,
    });
    const changes = {
      state: change.to,
      attempt,
      suite: change.suite ?? row.suite,
      approved_build: change.approvedBuild ?? row.approved_build,
      updated_at: at,
    };
    await transaction
      .updateTable("work_item")
      .set(changes)
      .where("id", "=", workItem)
      .where("state", "=", change.from)
      .execute();
    return { item: workItemFromRow({ ...row, ...changes }), changed: true };
  });
}

/** Changes the suite that judges an item without moving it (a sequential round extends the suite). */
/** Changes a field that is not the state: the suite (a round of more trials) or the profile (a decision). */
export async function setWorkItemField(
  context: LineContext,
  workItem: string,
  field: "suite" | "profile",
  value: string,
): Promise<WorkItem> {
  if (value.length === 0)
    throw new ShopfloorError("invalid-argument", `a work item's ${field} must not be empty`);
  return writeLine(context, async ({ transaction, at }) => {
    const row = await selectRow(transaction, workItem);
    if (row === undefined) throw notFound(workItem);
    const changes = { [field]: value, updated_at: at };
    await transaction.updateTable("work_item").set(changes).where("id", "=", workItem).execute();
    return workItemFromRow({ ...row, ...changes });
  });
}

export async function findWorkItem(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<WorkItem | undefined> {
  const row = await selectRow(database, id);
  return row === undefined ? undefined : workItemFromRow(row);
}

/** The item with this id, or the one item whose id starts with it; else an error naming close ids. */
export async function requireWorkItem(
  database: Kysely<FactoryDatabase>,
  idOrPrefix: string,
): Promise<WorkItem> {
  const id = await resolveId(database, "work_item", "work item", idOrPrefix);
  const found = await findWorkItem(database, id);
  if (found === undefined) throw notFound(id);
  return found;
}

/** Work items, newest first; only those in the given states when states are given. */
export async function listWorkItems(
  database: Kysely<FactoryDatabase>,
  filter: { states?: readonly WorkItemState[] } = {},
): Promise<WorkItem[]> {
  if (filter.states !== undefined && filter.states.length === 0) return [];
  let select = database
    .selectFrom("work_item")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc");
  if (filter.states !== undefined) select = select.where("state", "in", [...filter.states]);
  return (await select.execute()).map(workItemFromRow);
}

export async function countStates(
  database: Kysely<FactoryDatabase>,
): Promise<Record<WorkItemState, number>> {
  const rows = await database
    .selectFrom("work_item")
    .select((expression) => ["state", expression.fn.countAll<number>().as("count")])
    .groupBy("state")
    .execute();
  const counts = Object.fromEntries(workItemStates.map((state) => [state, 0])) as Record<
    WorkItemState,
    number
  >;
  for (const row of rows) {
    if (Object.hasOwn(counts, row.state)) counts[row.state as WorkItemState] = Number(row.count);
  }
  return counts;
}

async function selectRow(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<WorkItemTable | undefined> {
  return database.selectFrom("work_item").selectAll().where("id", "=", id).executeTakeFirst();
}

function notFound(workItem: string): ShopfloorError {
  return new ShopfloorError("not-found", `there is no work item ${workItem}`);
}
