/**
 * What an llm agent run has spent so far, step by step: tokens (summed as the AI SDK reports them), our
 * cost from the price table (per step, since long-context tiers apply per call), and the steps taken;
 * and whether a limit has been passed. The loop's stop condition reads it after every step.
 */

import type { AgentTokens } from "../../contracts/agent-run.js";
import type { PricesConfig } from "../../contracts/cost-event.js";
import {
  addUsage,
  noUsage,
  type ReportedUsage,
  type TokenUsage,
} from "../../contracts/token-usage.js";
import { lookUpModelPrices, tokenCostMicroUsd } from "../../ledger/model-prices.js";
import type { AgentLimits } from "../agent.js";

export interface PriceSource {
  /** As configured: `openai/gpt-4.1`, `anthropic/claude-sonnet-4-5`, `openai-compatible/llama3.1:8b`. */
  modelName: string;
  prices?: PricesConfig;
  now(): number;
}

export type LimitPassed =
  | { kind: "output-tokens"; limit: number; spent: number }
  | { kind: "cost"; limitMicroUsd: number; spentMicroUsd: number };

export class LlmRunAccount {
  readonly #source: PriceSource;
  #usage: TokenUsage = noUsage;
  /** Undefined once a step could not be priced: a partial cost would understate the run. */
  #costMicroUsd: number | undefined = 0;

  constructor(source: PriceSource) {
    this.#source = source;
  }

  get steps(): number {
    return this.#usage.calls;
  }

  get tokens(): AgentTokens {
    const { inputTokens, cachedInputTokens, outputTokens, reasoningTokens } = this.#usage;
    return { inputTokens, cachedInputTokens, outputTokens, reasoningTokens };
  }

  get costMicroUsd(): number | undefined {
    return this.#costMicroUsd;
  }

  record(usage: ReportedUsage | undefined): void {
    const before = this.#usage;
    this.#usage = addUsage(before, usage);
    const stepTokens = {
      inputTokens: this.#usage.inputTokens - before.inputTokens,
      cachedInputTokens: this.#usage.cachedInputTokens - before.cachedInputTokens,
      outputTokens: this.#usage.outputTokens - before.outputTokens,
      reasoningTokens: this.#usage.reasoningTokens - before.reasoningTokens,
    };
    const stepCost = stepCostMicroUsd(this.#source, stepTokens);
    this.#costMicroUsd =
      this.#costMicroUsd === undefined || stepCost === undefined
        ? undefined
        : this.#costMicroUsd + stepCost;
  }

  /** The first budget limit the run has gone past, if any. */
  limitPassed(limits: AgentLimits): LimitPassed | undefined {
    const spent = this.#usage.outputTokens;
    if (limits.maxOutputTokens !== undefined && spent > limits.maxOutputTokens) {
      return { kind: "output-tokens", limit: limits.maxOutputTokens, spent };
    }
    const cost = this.#costMicroUsd;
    if (limits.maxCostUsd === undefined || cost === undefined) return undefined;
    const limitMicroUsd = Math.round(limits.maxCostUsd * 1_000_000);
    return cost > limitMicroUsd ? { kind: "cost", limitMicroUsd, spentMicroUsd: cost } : undefined;
  }
}

/** The model's provider and name as the price table knows them (see docs/ledger.md). */
export function priceKey(modelName: string): { provider?: string; model: string } {
  const slash = modelName.indexOf("/");
  if (slash <= 0) return { model: modelName };
  const provider = modelName.slice(0, slash);
  const model = modelName.slice(slash + 1);
  // A model on an OpenAI-compatible server is looked up by its name alone.
  return provider === "openai-compatible" ? { model } : { provider, model };
}

function stepCostMicroUsd(source: PriceSource, tokens: AgentTokens): number | undefined {
  const key = priceKey(source.modelName);
  try {
    const lookup = lookUpModelPrices({
      ...key,
      at: new Date(source.now()),
      tokens,
      ...(source.prices === undefined ? {} : { overrides: source.prices }),
    });
    return lookup.found ? tokenCostMicroUsd(tokens, lookup.prices) : undefined;
  } catch {
    // Figures a price cannot apply to (cached above input): the step is left unpriced.
    return undefined;
  }
}
