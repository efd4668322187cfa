/**
 * The tables of the factory's database, in one place: what Kysely type-checks every query against.
 * Portable types only, so that a PostgreSQL dialect can be added: money in integer micro-dollars, time as
 * ISO-8601 UTC text (`2026-11-24T09:30:00.000Z`, which sorts as time does), flags as integers 0/1.
 */

/** One charge to the budget (the `CostEvent` contract, flattened). */
export interface CostEventTable {
  id: string;
  at: string;
  category: string;
  amount_micro_usd: number;
  /** 1 when a price was known; 0 for an unknown model, charged at zero. */
  priced: number;
  work_item: string | null;
  station: string | null;
  agent: string | null;
  model: string | null;
  run: string | null;
  /** The reservation this charge settled, if any. */
  reservation_id: string | null;
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cpu_seconds: number;
  wall_seconds: number;
}

export const reservationStates = ["open", "settled", "released", "expired"] as const;
export type ReservationState = (typeof reservationStates)[number];

/** Money set aside for work before it is dispatched; open until settled, released or expired. */
export interface ReservationTable {
  id: string;
  created_at: string;
  expires_at: string;
  category: string;
  amount_micro_usd: number;
  work_item: string | null;
  run: string | null;
  station: string | null;
  agent: string | null;
  state: ReservationState;
  closed_at: string | null;
}

/**
 * A change to the budget made with `shopfloor budget set`: who, when, why, and only the values given
 * (null: unchanged). The latest non-null value of each column wins over the config file.
 */
export interface BudgetSettingTable {
  id: string;
  /** 1, 2, 3…: the order the changes were made in (two may share a timestamp). */
  sequence: number;
  at: string;
  changed_by: string;
  reason: string;
  daily_micro_usd: number | null;
  /** JSON object of the four shares, e.g. {"inference":0.3,"testing":0.4,"ci":0.15,"monitoring":0.15}. */
  split: string | null;
  time_zone: string | null;
  /** HH:MM, local time in time_zone. */
  day_start: string | null;
  /** 0 removes the cap. */
  item_cap_micro_usd: number | null;
  /** 0 removes the cap. */
  run_cap_micro_usd: number | null;
}

/** A `budget.alert`: spend crossed a threshold of a category's (or the total) limit; once per day. */
export interface BudgetAlertTable {
  id: string;
  at: string;
  day: string;
  /** A cost category, or "total". */
  scope: string;
  threshold_percent: number;
  spent_micro_usd: number;
  limit_micro_usd: number;
}

/** What became of a change: approved changes are what the factory's cost is divided by. */
export interface ChangeOutcomeTable {
  id: string;
  at: string;
  work_item: string;
  outcome: string;
}

/** One gated test run: the trials it ran, and the trials a fixed-size plan would have needed. */
export interface TestRunTable {
  id: string;
  at: string;
  work_item: string | null;
  trials_run: number;
  fixed_plan_trials: number;
}

export interface FactoryDatabase {
  cost_event: CostEventTable;
  reservation: ReservationTable;
  budget_setting: BudgetSettingTable;
  budget_alert: BudgetAlertTable;
  change_outcome: ChangeOutcomeTable;
  test_run: TestRunTable;
}
