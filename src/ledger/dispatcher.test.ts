import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  configWith,
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";
import { type BudgetedJob, type BudgetGate, dispatchWithinBudget } from "./dispatcher.js";
import type { ReservationOutcome } from "./ledger.js";

const dollar = 1_000_000;

interface Deferred<Value> {
  promise: Promise<Value>;
  resolve(value: Value): void;
}

function deferred<Value = void>(): Deferred<Value> {
  let resolve: (value: Value) => void = () => {};
  const promise = new Promise<Value>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** Jobs that start when dispatched, say so, and end when the test lets them; each costs $1. */
function controlledJobs(count: number) {
  const started = Array.from({ length: count }, () => deferred());
  const finish = Array.from({ length: count }, () => deferred());
  const ran: string[] = [];
  const jobs: BudgetedJob<string>[] = started.map((signal, index) => ({
    id: `job-${index + 1}`,
    estimate: { category: "testing", amountMicroUsd: dollar, workItem: `job-${index + 1}` },
    run: async () => {
      ran.push(`job-${index + 1}`);
      signal.resolve();
      await finish[index]?.promise;
      return {
        result: `done ${index + 1}`,
        charges: [
          {
            kind: "amount",
            category: "testing",
            amountMicroUsd: dollar,
            workItem: `job-${index + 1}`,
          },
        ],
      };
    },
  }));
  return { jobs, started, finish, ran };
}

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger(configWith({ dailyUsd: 10 })); // testing: 40% = $4
});
afterEach(async () => {
  await subject.close();
});

describe("dispatchWithinBudget", () => {
  it("stops starting jobs when the budget refuses one, while running jobs finish and settle", async () => {
    const { jobs, started, finish, ran } = controlledJobs(6);
    const refused = deferred<ReservationOutcome>();
    const gate: BudgetGate = {
      reserve: async (request) => {
        const outcome = await subject.ledger.reserve(request);
        if (!outcome.granted) refused.resolve(outcome);
        return outcome;
      },
      settle: (id, charges) => subject.ledger.settle(id, charges),
      release: (id) => subject.ledger.release(id),
    };
    let returned = false;
    const dispatching = dispatchWithinBudget(gate, jobs, 3).then((report) => {
      returned = true;
      return report;
    });
    await Promise.all(started.slice(0, 3).map((signal) => signal.promise));
    expect(ran).toEqual(["job-1", "job-2", "job-3"]);

    finish[0]?.resolve(); // job 1 settles $1: spent 1 + reserved 2 + asked 1 = 4 fits; job 4 starts
    await started[3]?.promise;
    finish[1]?.resolve(); // job 2 settles: spent 2 + reserved 2 + asked 1 = 5 > 4: job 5 is refused
    const refusal = await refused.promise;
    expect(refusal).toMatchObject({
      granted: false,
      refusal: {
        cap: "category",
        scope: "testing",
        spentMicroUsd: 2 * dollar,
        reservedMicroUsd: 2 * dollar,
        askedMicroUsd: dollar,
      },
    });
    expect(returned).toBe(false);
    expect((await subject.ledger.status()).categories[1]).toMatchObject({
      spentMicroUsd: 2 * dollar,
      reservedMicroUsd: 2 * dollar,
    });

    finish[2]?.resolve();
    finish[3]?.resolve();
    const report = await dispatching;
    expect(ran).toEqual(["job-1", "job-2", "job-3", "job-4"]);
    expect(report.completed.map((job) => job.id).sort()).toEqual([
      "job-1",
      "job-2",
      "job-3",
      "job-4",
    ]);
    expect(report.refused?.id).toBe("job-5");
    expect(report.refused?.refusal.action).toBe("wait-for-next-day");
    expect(report.notStarted).toEqual(["job-5", "job-6"]);
    expect(report.failed).toEqual([]);
    expect((await subject.ledger.status()).categories[1]).toMatchObject({
      spentMicroUsd: 4 * dollar,
      reservedMicroUsd: 0,
    });
  });

  it("releases the reservation of a job that throws and goes on with the next", async () => {
    const jobs: BudgetedJob<string>[] = [
      {
        id: "broken",
        estimate: { category: "ci", amountMicroUsd: dollar },
        run: async () => Promise.reject(new Error("crashed")),
      },
      {
        id: "fine",
        estimate: { category: "ci", amountMicroUsd: dollar },
        run: async () => ({ result: "ok", charges: [] }),
      },
    ];
    const report = await dispatchWithinBudget(subject.ledger, jobs, 1);
    expect(report.failed.map((job) => job.id)).toEqual(["broken"]);
    expect(report.completed.map((job) => job.id)).toEqual(["fine"]);
    expect((await subject.ledger.status()).categories[2]).toMatchObject({
      reservedMicroUsd: 0,
      spentMicroUsd: 0,
    });
    await expect(dispatchWithinBudget(subject.ledger, jobs, 0)).rejects.toThrow(/concurrency/);
  });
});
