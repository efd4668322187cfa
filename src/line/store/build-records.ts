/**
 * Builds in the store: one agent run of one attempt of a work item. Creating one is idempotent (a resumed
 * build station finds the build it created before), and what a build produced (its branch, run and
 * verdict) is checked against its contract before it is written.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import { AgentRun, FeedbackReport } from "../../contracts/agent-run.js";
import { ShopfloorError } from "../../contracts/errors.js";
import { GateVerdict } from "../../contracts/gate-verdict.js";
import type { Build, BuildState } from "../../contracts/work-item.js";
import type { BuildTable, FactoryDatabase } from "../../store/factory-database.js";
import { buildFromRow } from "./line-rows.js";

export interface NewBuild {
  /** `<work item>.<attempt>.<candidate>`. */
  id: string;
  workItem: string;
  attempt: number;
  candidate: number;
  agent: string;
  model?: string;
  /** The gate's feedback the agent is given (attempt > 1). */
  feedback?: FeedbackReport;
}

export interface BuildChange {
  state?: BuildState;
  branch?: string;
  run?: AgentRun;
  verdict?: GateVerdict;
}

/** Inserts the build in state `building`, or returns the one already stored under its id. */
export async function createBuild(
  database: Kysely<FactoryDatabase>,
  build: NewBuild,
  at: string,
): Promise<Build> {
  const feedback =
    build.feedback === undefined ? null : stored(FeedbackReport, "feedback", build.feedback);
  await database
    .insertInto("build")
    .values({
      id: build.id,
      work_item: build.workItem,
      attempt: build.attempt,
      candidate: build.candidate,
      agent: build.agent,
      model: build.model ?? null,
      state: "building",
      branch: null,
      run: null,
      feedback,
      verdict: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  const created = await findBuild(database, build.id);
  if (created !== undefined) return created;
  throw new ShopfloorError(
    "invalid-argument",
    `work item ${build.workItem} already has a build for attempt ${build.attempt}, candidate ` +
      `${build.candidate}, under an id other than ${build.id}`,
  );
}

export async function updateBuild(
  database: Kysely<FactoryDatabase>,
  id: string,
  change: BuildChange,
  at: string,
): Promise<Build> {
  const changes: Partial<BuildTable> = { updated_at: at };
  if (change.state !== undefined) changes.state = change.state;
  if (change.branch !== undefined) changes.branch = change.branch;
  if (change.run !== undefined) changes.run = stored(AgentRun, "run", change.run);
  if (change.verdict !== undefined)
    changes.verdict = stored(GateVerdict, "verdict", change.verdict);
  const updated = await database
    .updateTable("build")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  if (updated === undefined) throw new ShopfloorError("not-found", `there is no build ${id}`);
  return buildFromRow(updated);
}

export async function findBuild(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<Build | undefined> {
  const row = await database
    .selectFrom("build")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : buildFromRow(row);
}

/** A work item's builds (of one attempt when given), by attempt and candidate. */
export async function listBuilds(
  database: Kysely<FactoryDatabase>,
  workItem: string,
  attempt?: number,
): Promise<Build[]> {
  let select = database
    .selectFrom("build")
    .selectAll()
    .where("work_item", "=", workItem)
    .orderBy("attempt", "asc")
    .orderBy("candidate", "asc");
  if (attempt !== undefined) select = select.where("attempt", "=", attempt);
  return (await select.execute()).map(buildFromRow);
}

/** The JSON of a value its contract accepts; what it does not accept never reaches the database. */
function stored<Schema extends z.ZodType>(schema: Schema, field: string, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return JSON.stringify(parsed.data);
  throw new ShopfloorError(
    "invalid-argument",
    `the build's ${field} does not fit its contract: ${parsed.error.issues
      .map((issue) => `${issue.path.join(".") || "(value)"}: ${issue.message}`)
      .join("; ")}`,
    { field },
  );
}
