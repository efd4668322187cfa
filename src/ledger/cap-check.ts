/**
 * Whether a reservation fits under every cap that applies to it: its work item's, its run's, its
 * category's share of the day and the day's total. A reservation that does not fit is refused with a
 * typed value saying which cap, what was spent, reserved and asked, and the limit; and what the caller
 * should do: wait for the next day (a daily cap with room for the ask tomorrow) or send the work to the
 * exception queue (a lifetime cap, or an ask larger than a whole day's limit).
 */
import type { BudgetDay } from "./budget-day.js";
import { formatUsdExact } from "./money.js";

/** Checked in this order; the first cap exceeded is the one a refusal names. */
export const capKinds = ["work-item", "run", "category", "day"] as const;
export type CapKind = (typeof capKinds)[number];

export interface CapUsage {
  cap: CapKind;
  /** The work item, the run, the category, or "total". */
  scope: string;
  spentMicroUsd: number;
  reservedMicroUsd: number;
  limitMicroUsd: number;
}

export type RefusalAction = "wait-for-next-day" | "exception";

export interface BudgetRefusal extends CapUsage {
  kind: "budget.exceeded";
  askedMicroUsd: number;
  day: string;
  action: RefusalAction;
  /** When waiting helps: the start of the next budget day. */
  retryAt?: string;
  reason: string;
  /** Every cap the ask would exceed, the named one first. */
  exceeded: CapUsage[];
}

export function checkCaps(
  usages: readonly CapUsage[],
  askedMicroUsd: number,
  day: BudgetDay,
): BudgetRefusal | undefined {
  const exceeded = [...usages]
    .sort((left, right) => capKinds.indexOf(left.cap) - capKinds.indexOf(right.cap))
    .filter(
      (usage) => usage.spentMicroUsd + usage.reservedMicroUsd + askedMicroUsd > usage.limitMicroUsd,
    );
  const first = exceeded[0];
  if (first === undefined) return undefined;
  const daily = first.cap === "category" || first.cap === "day";
  const waiting = daily && askedMicroUsd <= first.limitMicroUsd;
  const action: RefusalAction = waiting ? "wait-for-next-day" : "exception";
  const next = waiting
    ? `; the work waits for the next budget day, from ${day.end.toISOString()}`
    : "; waiting will not help: the work goes to the exception queue";
  const reason = `${describeCap(first, day)}: spent ${formatUsdExact(first.spentMicroUsd)} + reserved ${formatUsdExact(first.reservedMicroUsd)} + asked ${formatUsdExact(askedMicroUsd)} would exceed the limit of ${formatUsdExact(first.limitMicroUsd)}${next}`;
  const refusal: BudgetRefusal = {
    kind: "budget.exceeded",
    ...first,
    askedMicroUsd,
    day: day.key,
    action,
    reason,
    exceeded,
  };
  if (waiting) refusal.retryAt = day.end.toISOString();
  return refusal;
}

function describeCap(usage: CapUsage, day: BudgetDay): string {
  switch (usage.cap) {
    case "work-item":
      return `the cap of work item "${usage.scope}"`;
    case "run":
      return `the cap of run "${usage.scope}"`;
    case "category":
      return `the ${usage.scope} share of the budget of ${day.key}`;
    case "day":
      return `the daily budget of ${day.key}`;
  }
}
