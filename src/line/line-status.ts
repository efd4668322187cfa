/**
 * The line at a glance: items per state and the items themselves (those in flight or in the exception
 * queue, and those settled today), outcomes, today's pass rates per category (from the verdicts of the
 * builds gated today), today's spend against the budget, the queue per station, open exceptions.
 */
import type { CostCategory } from "../contracts/cost-event.js";
import { GateVerdict } from "../contracts/gate-verdict.js";
import type { ScenarioCategory } from "../contracts/scenario-category.js";
import type { StationName, WorkItemState } from "../contracts/work-item.js";
import type { StationCounts } from "../queue/job-queue.js";
import type { LineServices } from "./stations/station-context.js";

export interface LineStatusItem {
  id: string;
  name: string;
  state: WorkItemState;
  attempt: number;
  updatedAt: string;
  /** Seconds since the item last changed. */
  ageSeconds: number;
}

export interface LineStatus {
  states: Record<WorkItemState, number>;
  items: LineStatusItem[];
  outcomes: { approved: number; rejected: number; exception: number; approvalRate: number | null };
  /** Per category pass rates of the latest verdicts (scenarios passed / scenarios), over the builds gated today. */
  passRates: Record<ScenarioCategory, number | null>;
  spendToday: {
    totalMicroUsd: number;
    byCategory: Record<CostCategory, number>;
    limitMicroUsd: number;
  };
  queue: Record<StationName, StationCounts>;
  openExceptions: number;
}

const finished: readonly WorkItemState[] = ["approved", "live", "rolled-back", "rejected"];

export async function lineStatus(context: LineServices, now: Date): Promise<LineStatus> {
  const budget = await context.ledger.status();
  const dayStart = budget.day.start;
  const states = await context.store.stateCounts();
  const items = (await context.store.workItems())
    .filter((item) => !finished.includes(item.state) || item.updatedAt >= dayStart)
    .map((item) => ({
      id: item.id,
      name: item.name,
      state: item.state,
      attempt: item.attempt,
      updatedAt: item.updatedAt,
      ageSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(item.updatedAt)) / 1000)),
    }));
  // Past the gate is approved, whether it waits to deploy, went live or was rolled back since.
  const approved = states.approved + states.deploy + states.live + states["rolled-back"];
  const settled = approved + states.rejected + states.exception;
  const byCategory = Object.fromEntries(
    budget.categories.map((line) => [line.category, line.spentMicroUsd]),
  ) as Record<CostCategory, number>;
  return {
    states,
    items,
    outcomes: {
      approved,
      rejected: states.rejected,
      exception: states.exception,
      approvalRate: settled === 0 ? null : approved / settled,
    },
    passRates: await passRatesSince(context, dayStart),
    spendToday: {
      totalMicroUsd: budget.total.spentMicroUsd,
      byCategory,
      limitMicroUsd: budget.total.limitMicroUsd,
    },
    queue: await context.queue.counts(),
    openExceptions: (await context.store.exceptions({ state: "open" })).length,
  };
}

/** Scenarios passed over scenarios, per category, over the verdicts of builds gated since `since`. */
export async function passRatesSince(
  context: Pick<LineServices, "database">,
  since: string,
): Promise<Record<ScenarioCategory, number | null>> {
  const rows = await context.database
    .selectFrom("build")
    .select("verdict")
    .where("verdict", "is not", null)
    .where("updated_at", ">=", since)
    .execute();
  const sums = { normal: [0, 0], edge: [0, 0], malicious: [0, 0] };
  for (const row of rows) {
    const parsed = GateVerdict.safeParse(JSON.parse(row.verdict ?? "null"));
    if (!parsed.success) continue;
    for (const category of parsed.data.categories) {
      const sum = sums[category.category];
      sum[0] = (sum[0] ?? 0) + category.passed;
      sum[1] = (sum[1] ?? 0) + category.scenarios;
    }
  }
  const rate = ([passed, scenarios]: number[]) =>
    scenarios === undefined || scenarios === 0 ? null : (passed ?? 0) / scenarios;
  return { normal: rate(sums.normal), edge: rate(sums.edge), malicious: rate(sums.malicious) };
}
