/** Cost events to and from rows of the `cost_event` table. */
import type { CostEvent } from "../contracts/cost-event.js";
import { CostCategory } from "../contracts/cost-event.js";
import type { CostEventTable } from "../store/factory-database.js";

export function rowFromEvent(event: CostEvent, reservationId: string | null): CostEventTable {
  return {
    id: event.id,
    at: new Date(event.at).toISOString(),
    category: event.category,
    amount_micro_usd: event.amountMicroUsd,
    priced: event.priced ? 1 : 0,
    work_item: event.workItem ?? null,
    station: event.station ?? null,
    agent: event.agent ?? null,
    model: event.model ?? null,
    run: event.run ?? null,
    reservation_id: reservationId,
    input_tokens: event.usage.inputTokens,
    cached_input_tokens: event.usage.cachedInputTokens,
    output_tokens: event.usage.outputTokens,
    reasoning_tokens: event.usage.reasoningTokens,
    cpu_seconds: event.usage.cpuSeconds,
    wall_seconds: event.usage.wallSeconds,
  };
}

export function eventFromRow(row: CostEventTable): CostEvent {
  const event: CostEvent = {
    id: row.id,
    at: row.at,
    category: CostCategory.parse(row.category),
    amountMicroUsd: row.amount_micro_usd,
    priced: row.priced === 1,
    usage: {
      inputTokens: row.input_tokens,
      cachedInputTokens: row.cached_input_tokens,
      outputTokens: row.output_tokens,
      reasoningTokens: row.reasoning_tokens,
      cpuSeconds: row.cpu_seconds,
      wallSeconds: row.wall_seconds,
    },
  };
  if (row.work_item !== null) event.workItem = row.work_item;
  if (row.station !== null) event.station = row.station;
  if (row.agent !== null) event.agent = row.agent;
  if (row.model !== null) event.model = row.model;
  if (row.run !== null) event.run = row.run;
  return event;
}
