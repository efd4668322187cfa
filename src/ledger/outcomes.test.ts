import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { insertOutcome, insertTestRun } from "./outcomes.js";

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger();
});
afterEach(async () => {
  await subject.close();
});
const context = { id: "x1", at: new Date("2026-11-24T10:00:00.000Z") };

describe("outcomes and test runs", () => {
  it("stores what the caller says", async () => {
    await insertOutcome(subject.database, { workItem: "todo-api", outcome: "approved" }, context);
    await insertTestRun(
      subject.database,
      { workItem: "todo-api", trialsRun: 60, fixedPlanTrials: 180 },
      context,
    );
    expect(await subject.database.selectFrom("change_outcome").selectAll().execute()).toEqual([
      { id: "x1", at: "2026-11-24T10:00:00.000Z", work_item: "todo-api", outcome: "approved" },
    ]);
    expect(await subject.database.selectFrom("test_run").selectAll().execute()).toEqual([
      {
        id: "x1",
        at: "2026-11-24T10:00:00.000Z",
        work_item: "todo-api",
        trials_run: 60,
        fixed_plan_trials: 180,
      },
    ]);
  });

  it("refuses outcomes and counts that cannot be", async () => {
    await expect(
      insertOutcome(subject.database, { workItem: " ", outcome: "approved" }, context),
    ).rejects.toThrow(InvalidArgumentError);
    await expect(
      insertOutcome(subject.database, { workItem: "a", outcome: "shipped" as "approved" }, context),
    ).rejects.toThrow(/one of approved, rejected, escalated/);
    await expect(
      insertTestRun(subject.database, { trialsRun: -1, fixedPlanTrials: 3 }, context),
    ).rejects.toThrow(/trialsRun/);
  });
});
