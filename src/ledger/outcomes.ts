/**
 * What the economics report divides and compares by, recorded by the line as it happens: the outcome of
 * each change (approved changes are what the factory's money buys), and for each gated test run the
 * trials it ran against the trials a fixed-size plan would have run (what sequential testing saved).
 */
import type { Kysely } from "kysely";
import { InvalidArgumentError } from "../contracts/errors.js";
import type { FactoryDatabase } from "../store/factory-database.js";

export const changeOutcomes = ["approved", "rejected", "escalated"] as const;
export type ChangeOutcome = (typeof changeOutcomes)[number];

export interface OutcomeRecord {
  workItem: string;
  outcome: ChangeOutcome;
}

export interface TestRunRecord {
  workItem?: string;
  trialsRun: number;
  /** The trials the fixed-size plan for the same decision would have needed. */
  fixedPlanTrials: number;
}

export async function insertOutcome(
  database: Kysely<FactoryDatabase>,
  record: OutcomeRecord,
  context: { id: string; at: Date },
): Promise<void> {
  if (record.workItem.trim() === "") {
    throw new InvalidArgumentError("an outcome names its work item", "workItem");
  }
  if (!changeOutcomes.includes(record.outcome)) {
    throw new InvalidArgumentError(
      `an outcome is one of ${changeOutcomes.join(", ")}; got ${record.outcome}`,
      "outcome",
    );
  }
  await database
    .insertInto("change_outcome")
    .values({
      id: context.id,
      at: context.at.toISOString(),
      work_item: record.workItem,
      outcome: record.outcome,
    })
    .execute();
}

export async function insertTestRun(
  database: Kysely<FactoryDatabase>,
  record: TestRunRecord,
  context: { id: string; at: Date },
): Promise<void> {
  for (const [field, value] of [
    ["trialsRun", record.trialsRun],
    ["fixedPlanTrials", record.fixedPlanTrials],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new InvalidArgumentError(
        `${field} must be a whole number, 0 or more; got ${value}`,
        field,
      );
    }
  }
  await database
    .insertInto("test_run")
    .values({
      id: context.id,
      at: context.at.toISOString(),
      work_item: record.workItem ?? null,
      trials_run: record.trialsRun,
      fixed_plan_trials: record.fixedPlanTrials,
    })
    .execute();
}
