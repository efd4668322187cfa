/**
 * The ledger: the one object the line charges its work to. Work reserves its estimated cost before it
 * is dispatched (`reserve`, refused with a typed reason when a cap would be exceeded), settles the actual
 * cost after (`settle`), or gives the money back (`release`); costs outside any reservation are
 * recorded directly (`record`). Every write runs in one write transaction that also releases expired
 * reservations and records the budget alerts the new spend reaches. Time and ids are injected.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "../contracts/config.js";
import type { CostEvent } from "../contracts/cost-event.js";
import type { FactoryDatabase } from "../store/factory-database.js";
import { inImmediateTransaction } from "../store/immediate-transaction.js";
import { alertsOfDay, type BudgetAlert, reachedThresholds, recordNewAlerts } from "./alerts.js";
import { type BudgetDay, budgetDayOf } from "./budget-day.js";
import { type BudgetPolicy, resolveBudgetPolicy } from "./budget-policy.js";
import { type BudgetChange, readBudgetSettings, recordBudgetSetting } from "./budget-settings.js";
import { type BudgetStatus, budgetStatus } from "./budget-status.js";
import { type BudgetRefusal, checkCaps } from "./cap-check.js";
import { rowFromEvent } from "./cost-event-rows.js";
import { type LedgerReport, type LedgerReportRequest, ledgerReport } from "./ledger-report.js";
import {
  insertOutcome,
  insertTestRun,
  type OutcomeRecord,
  type TestRunRecord,
} from "./outcomes.js";
import { type CostCharge, priceCharge } from "./price-charge.js";
import {
  checkRequest,
  closeReservation,
  expireReservations,
  insertReservation,
  measureCaps,
  type Reservation,
  type ReservationRequest,
} from "./reservations.js";
import { spentByCategory } from "./spend-queries.js";

export interface LedgerOptions {
  database: Kysely<FactoryDatabase>;
  /** The config's budget, price overrides and machine rates. */
  config: Pick<Config, "budget" | "prices" | "rates">;
  now?: () => Date;
  newId?: () => string;
}

export type ReservationOutcome =
  | { granted: true; reservation: Reservation }
  | { granted: false; refusal: BudgetRefusal };

export interface Recording {
  events: CostEvent[];
  /** Unknown models, charged at zero. */
  warnings: string[];
  /** Thresholds the spend reached for the first time today. */
  alerts: BudgetAlert[];
}

export interface Settlement extends Recording {
  reservationId: string;
  estimatedMicroUsd: number;
  actualMicroUsd: number;
}

export class Ledger {
  readonly #database: Kysely<FactoryDatabase>;
  readonly #config: LedgerOptions["config"];
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(options: LedgerOptions) {
    this.#database = options.database;
    this.#config = options.config;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
  }

  async reserve(request: ReservationRequest): Promise<ReservationOutcome> {
    checkRequest(request);
    return this.#write(async (transaction, policy, day, now) => {
      const usages = await measureCaps(transaction, policy, day, request);
      const refusal = checkCaps(usages, request.amountMicroUsd, day);
      if (refusal !== undefined) return { granted: false, refusal };
      const context = { id: this.#newId(), now, day };
      return {
        granted: true,
        reservation: await insertReservation(transaction, request, policy, context),
      };
    });
  }

  /** Records the actual cost of reserved work and closes the reservation, even if it had expired. */
  async settle(reservationId: string, charges: readonly CostCharge[]): Promise<Settlement> {
    return this.#write(async (transaction, policy, day, now) => {
      const reservation = await closeReservation(transaction, reservationId, "settled", now);
      const recording = await this.#insertCharges(
        transaction,
        charges,
        reservationId,
        policy,
        day,
        now,
      );
      return {
        ...recording,
        reservationId,
        estimatedMicroUsd: reservation.amount_micro_usd,
        actualMicroUsd: recording.events.reduce((sum, event) => sum + event.amountMicroUsd, 0),
      };
    });
  }

  /** Gives a reservation's money back: the work did not run. */
  async release(reservationId: string): Promise<void> {
    await this.#write(async (transaction, _policy, _day, now) => {
      await closeReservation(transaction, reservationId, "released", now);
    });
  }

  /** Records costs that had no reservation (work the line does not dispatch, such as a demo). */
  async record(charges: readonly CostCharge[]): Promise<Recording> {
    return this.#write((transaction, policy, day, now) =>
      this.#insertCharges(transaction, charges, null, policy, day, now),
    );
  }

  async status(): Promise<BudgetStatus> {
    return this.#write(async (transaction, policy, day, now) =>
      budgetStatus(transaction, policy, day, now),
    );
  }

  async policy(): Promise<BudgetPolicy> {
    return resolveBudgetPolicy(this.#config.budget, await readBudgetSettings(this.#database));
  }

  /** Records a change to the budget (who, why), which takes precedence over the config file. */
  async changeBudget(change: BudgetChange): Promise<BudgetPolicy> {
    await recordBudgetSetting(this.#database, change, this.#newId(), this.#now());
    return this.policy();
  }

  /** Records what became of a change; approved changes are what the cost per change divides by. */
  async recordOutcome(record: OutcomeRecord): Promise<void> {
    await insertOutcome(this.#database, record, { id: this.#newId(), at: this.#now() });
  }

  /** Records a gated test run's trials, and the trials a fixed-size plan would have needed. */
  async recordTestRun(record: TestRunRecord): Promise<void> {
    await insertTestRun(this.#database, record, { id: this.#newId(), at: this.#now() });
  }

  async report(request: LedgerReportRequest): Promise<LedgerReport> {
    return ledgerReport(this.#database, request, await this.policy(), this.#now());
  }

  async alerts(dayKey?: string): Promise<BudgetAlert[]> {
    const key = dayKey ?? budgetDayOf(this.#now(), await this.policy()).key;
    return alertsOfDay(this.#database, key);
  }

  async #insertCharges(
    transaction: Kysely<FactoryDatabase>,
    charges: readonly CostCharge[],
    reservationId: string | null,
    policy: BudgetPolicy,
    day: BudgetDay,
    now: Date,
  ): Promise<Recording> {
    const priced = charges.map((charge) =>
      priceCharge(charge, {
        id: this.#newId(),
        at: now,
        prices: this.#config.prices,
        rates: this.#config.rates,
      }),
    );
    for (const { event } of priced) {
      await transaction
        .insertInto("cost_event")
        .values(rowFromEvent(event, reservationId))
        .execute();
    }
    const reached = reachedThresholds(await spentByCategory(transaction, day), policy, day, now);
    return {
      events: priced.map(({ event }) => event),
      warnings: priced.flatMap(({ warnings }) => warnings),
      alerts: await recordNewAlerts(transaction, reached, this.#newId),
    };
  }

  /** One write transaction with the budget in force, today's budget day and the time, read once. */
  async #write<Result>(
    work: (
      transaction: Kysely<FactoryDatabase>,
      policy: BudgetPolicy,
      day: BudgetDay,
      now: Date,
    ) => Promise<Result>,
  ): Promise<Result> {
    return inImmediateTransaction(this.#database, async (transaction) => {
      const now = this.#now();
      await expireReservations(transaction, now);
      const policy = resolveBudgetPolicy(
        this.#config.budget,
        await readBudgetSettings(transaction),
      );
      return work(transaction, policy, budgetDayOf(now, policy), now);
    });
  }
}
