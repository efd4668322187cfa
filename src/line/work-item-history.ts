/**
 * A work item's full provenance, for `shopfloor history ITEM`: the item, its events in order, its builds
 * (each with its agent run: agent, model, commit, tokens, cost; and its verdict), its exceptions and the
 * decisions taken on them, and what it cost, from the ledger's charges labelled with the item.
 */
import type { CostCategory } from "../contracts/cost-event.js";
import type { LineEvent } from "../contracts/line-event.js";
import type { Build, Decision, LineException, WorkItem } from "../contracts/work-item.js";
import type { LineServices } from "./stations/station-context.js";

export interface WorkItemCosts {
  totalMicroUsd: number;
  byCategory: Record<CostCategory, number>;
  byStation: Record<string, number>;
  byAgentModel: { agent: string; model: string | null; microUsd: number }[];
}

export interface WorkItemHistory {
  item: WorkItem;
  events: LineEvent[];
  builds: Build[];
  exceptions: LineException[];
  decisions: Decision[];
  costs: WorkItemCosts;
}

/** Not-found (a ShopfloorError) for an unknown id; a unique prefix of an id is enough. */
export async function workItemHistory(
  context: LineServices,
  idOrPrefix: string,
): Promise<WorkItemHistory> {
  const item = await context.store.requireWorkItem(idOrPrefix);
  return {
    item,
    events: await context.store.events({ workItem: item.id }),
    builds: await context.store.builds(item.id),
    exceptions: await context.store.exceptions({ workItem: item.id }),
    decisions: await context.store.decisions(item.id),
    costs: await workItemCosts(context, item.id),
  };
}

export async function workItemCosts(
  context: Pick<LineServices, "database">,
  workItem: string,
): Promise<WorkItemCosts> {
  const rows = await context.database
    .selectFrom("cost_event")
    .select(["category", "station", "agent", "model", "amount_micro_usd"])
    .where("work_item", "=", workItem)
    .execute();
  const costs: WorkItemCosts = {
    totalMicroUsd: 0,
    byCategory: { inference: 0, testing: 0, ci: 0, monitoring: 0 },
    byStation: {},
    byAgentModel: [],
  };
  for (const row of rows) {
    const amount = Number(row.amount_micro_usd);
    costs.totalMicroUsd += amount;
    const category = row.category as CostCategory;
    if (category in costs.byCategory) costs.byCategory[category] += amount;
    const station = row.station ?? "(none)";
    costs.byStation[station] = (costs.byStation[station] ?? 0) + amount;
    if (row.agent === null) continue;
    const entry = costs.byAgentModel.find(
      (each) => each.agent === row.agent && each.model === row.model,
    );
    if (entry === undefined) {
      costs.byAgentModel.push({ agent: row.agent, model: row.model, microUsd: amount });
    } else {
      entry.microUsd += amount;
    }
  }
  return costs;
}
