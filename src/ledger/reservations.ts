/**
 * Reservations: money set aside for work before it is dispatched. Reserving checks every cap against
 * spent + reserved + asked and inserts the reservation in the same write transaction, so no two
 * reservations, from any process, can both take the last dollars. A reservation not settled or released
 * in time expires (a crashed worker must not hold budget forever); expired ones are released whenever
 * the ledger reads the budget.
 */
import type { Kysely } from "kysely";
import type { CostCategory } from "../contracts/cost-event.js";
import { InvalidArgumentError, ShopfloorError } from "../contracts/errors.js";
import type { FactoryDatabase, ReservationTable } from "../store/factory-database.js";
import type { BudgetDay } from "./budget-day.js";
import { type BudgetPolicy, categoryLimitMicroUsd } from "./budget-policy.js";
import type { CapUsage } from "./cap-check.js";
import type { ChargeLabels } from "./price-charge.js";
import { lifetimeAmounts, reservedByCategory, spentByCategory, totalOf } from "./spend-queries.js";

export interface ReservationRequest extends ChargeLabels {
  category: CostCategory;
  /** The estimated cost of the work. */
  amountMicroUsd: number;
  /** Default: the budget's reservationMinutes (60). */
  expiresInMinutes?: number;
}

export interface Reservation extends ChargeLabels {
  id: string;
  category: CostCategory;
  amountMicroUsd: number;
  createdAt: string;
  expiresAt: string;
  /** The budget day it was made on. */
  day: string;
}

/** Marks open reservations past their expiry as expired; returns how many. */
export async function expireReservations(
  database: Kysely<FactoryDatabase>,
  now: Date,
): Promise<number> {
  const result = await database
    .updateTable("reservation")
    .set({ state: "expired", closed_at: now.toISOString() })
    .where("state", "=", "open")
    .where("expires_at", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What each applicable cap has spent, reserved and allows, for one request. */
export async function measureCaps(
  database: Kysely<FactoryDatabase>,
  policy: BudgetPolicy,
  day: BudgetDay,
  request: ReservationRequest,
): Promise<CapUsage[]> {
  const spent = await spentByCategory(database, day);
  const reserved = await reservedByCategory(database);
  const usages: CapUsage[] = [
    {
      cap: "category",
      scope: request.category,
      spentMicroUsd: spent[request.category],
      reservedMicroUsd: reserved[request.category],
      limitMicroUsd: categoryLimitMicroUsd(policy, request.category),
    },
    {
      cap: "day",
      scope: "total",
      spentMicroUsd: totalOf(spent),
      reservedMicroUsd: totalOf(reserved),
      limitMicroUsd: policy.dailyMicroUsd,
    },
  ];
  if (request.workItem !== undefined && policy.itemCapMicroUsd !== undefined) {
    const amounts = await lifetimeAmounts(database, "work_item", request.workItem);
    usages.push({
      cap: "work-item",
      scope: request.workItem,
      ...amounts,
      limitMicroUsd: policy.itemCapMicroUsd,
    });
  }
  if (request.run !== undefined && policy.runCapMicroUsd !== undefined) {
    const amounts = await lifetimeAmounts(database, "run", request.run);
    usages.push({
      cap: "run",
      scope: request.run,
      ...amounts,
      limitMicroUsd: policy.runCapMicroUsd,
    });
  }
  return usages;
}

export async function insertReservation(
  database: Kysely<FactoryDatabase>,
  request: ReservationRequest,
  policy: BudgetPolicy,
  context: { id: string; now: Date; day: BudgetDay },
): Promise<Reservation> {
  const minutes = request.expiresInMinutes ?? policy.reservationMinutes;
  const expiresAt = new Date(context.now.getTime() + minutes * 60_000).toISOString();
  const row: ReservationTable = {
    id: context.id,
    created_at: context.now.toISOString(),
    expires_at: expiresAt,
    category: request.category,
    amount_micro_usd: request.amountMicroUsd,
    work_item: request.workItem ?? null,
    run: request.run ?? null,
    station: request.station ?? null,
    agent: request.agent ?? null,
    state: "open",
    closed_at: null,
  };
  await database.insertInto("reservation").values(row).execute();
  return {
    ...labelsOf(request),
    id: row.id,
    category: request.category,
    amountMicroUsd: request.amountMicroUsd,
    createdAt: row.created_at,
    expiresAt,
    day: context.day.key,
  };
}

/** Closes an open (or expired) reservation as settled or released; throws if it is unknown or closed. */
export async function closeReservation(
  database: Kysely<FactoryDatabase>,
  id: string,
  state: "settled" | "released",
  now: Date,
): Promise<ReservationTable> {
  const row = await database
    .selectFrom("reservation")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new ShopfloorError("not-found", `no reservation "${id}" in the ledger`, {
      field: "reservation",
    });
  }
  if (row.state === "settled" || row.state === "released") {
    throw new InvalidArgumentError(`reservation "${id}" is already ${row.state}`, "reservation");
  }
  await database
    .updateTable("reservation")
    .set({ state, closed_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
  return row;
}

export function checkRequest(request: ReservationRequest): void {
  if (!Number.isSafeInteger(request.amountMicroUsd) || request.amountMicroUsd < 0) {
    throw new InvalidArgumentError(
      `a reservation's amountMicroUsd must be a whole number of micro-dollars, 0 or more; got ${request.amountMicroUsd}`,
      "amountMicroUsd",
    );
  }
  if (request.expiresInMinutes !== undefined && !(request.expiresInMinutes > 0)) {
    throw new InvalidArgumentError(
      `expiresInMinutes must be above 0; got ${request.expiresInMinutes}`,
      "expiresInMinutes",
    );
  }
}

function labelsOf(request: ChargeLabels): ChargeLabels {
  const labels: ChargeLabels = {};
  if (request.workItem !== undefined) labels.workItem = request.workItem;
  if (request.run !== undefined) labels.run = request.run;
  if (request.station !== undefined) labels.station = request.station;
  if (request.agent !== undefined) labels.agent = request.agent;
  return labels;
}
