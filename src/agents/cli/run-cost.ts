/**
 * Our own cost figure for a CLI run: its tokens priced from the price table, per model when the CLI
 * breaks them down. Absent when any model has no known price, no model is known, or no tokens are.
 */
import type { AgentTokens } from "../../contracts/agent-run.js";
import type { PricesConfig } from "../../contracts/cost-event.js";
import { lookUpModelPrices, tokenCostMicroUsd } from "../../ledger/model-prices.js";
import type { RunProgress } from "./output-reader.js";

export interface CostQuery {
  progress: RunProgress;
  /** The configured model, used when the CLI does not say which it used. */
  configuredModel?: string;
  provider?: string;
  at: Date;
  prices?: PricesConfig;
}

export function computedCostMicroUsd(query: CostQuery): number | undefined {
  const { progress } = query;
  const parts =
    progress.tokensByModel && progress.tokensByModel.length > 0
      ? progress.tokensByModel
      : [{ model: progress.model ?? query.configuredModel, tokens: progress.tokens }];
  let total: number | undefined;
  for (const part of parts) {
    if (isEmpty(part.tokens)) continue;
    if (part.model === undefined) return undefined;
    const { model, provider } = priceName(part.model, query.provider);
    const lookup = lookUpModelPrices({
      model,
      provider,
      at: query.at,
      tokens: part.tokens,
      overrides: query.prices,
    });
    if (!lookup.found) return undefined;
    total = (total ?? 0) + tokenCostMicroUsd(part.tokens, lookup.prices);
  }
  // No tokens at all: what it spent is unknown, not nothing.
  return total;
}

/** `anthropic/claude-sonnet-4-5` (opencode's form) is model claude-sonnet-4-5 of provider anthropic. */
function priceName(model: string, provider?: string): { model: string; provider?: string } {
  const slash = model.indexOf("/");
  if (provider !== undefined || slash === -1) return { model, provider };
  return { model: model.slice(slash + 1), provider: model.slice(0, slash) };
}

function isEmpty(tokens: AgentTokens): boolean {
  return tokens.inputTokens === 0 && tokens.outputTokens === 0;
}
