/**
 * What a model's tokens cost. Prices come from the config's overrides first, then from the price list
 * bundled with @pydantic/genai-prices (offline: it is never asked to update), which also knows price
 * changes over time and long-context tiers. A model found in neither is not an error: the caller gets a
 * warning and charges it at zero, flagged unpriced.
 *
 * A price of $P per million tokens is exactly P micro-dollars per token, so an amount is a sum of
 * tokens × P computed exactly and rounded once per event, half up, to whole micro-dollars.
 */
import { calcPrice, type ModelPrice, type TieredPrices } from "@pydantic/genai-prices";
import type { ModelPriceOverride, PricesConfig } from "../contracts/cost-event.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import {
  add,
  type ExactAmount,
  exactDecimal,
  exactInteger,
  multiply,
  roundHalfUp,
} from "./exact-amount.js";

/** Token counts as the AI SDK reports them: cached input is part of input, reasoning part of output. */
export interface TokenCounts {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

export interface TokenPrices {
  inputUsdPerMillion: number;
  cachedInputUsdPerMillion: number;
  outputUsdPerMillion: number;
  reasoningUsdPerMillion: number;
}

export interface ModelPriceQuery {
  model: string;
  /** The provider's id in the price list (openai, anthropic, google…), when known. */
  provider?: string;
  /** When the tokens were spent: prices change over time. */
  at: Date;
  /** The tokens of the call: some models charge more per token above a context size. */
  tokens: TokenCounts;
  overrides?: PricesConfig;
}

export type ModelPriceLookup =
  | { found: true; prices: TokenPrices; source: "config" | "bundled"; matched: string }
  | { found: false; warning: string };

export function lookUpModelPrices(query: ModelPriceQuery): ModelPriceLookup {
  const override = query.overrides?.[query.model];
  if (override !== undefined) {
    return {
      found: true,
      prices: pricesFromOverride(override),
      source: "config",
      matched: query.model,
    };
  }
  const calculation = bundledCalculation(query);
  const price = calculation?.model_price;
  const inputPrice = price && priceFor(price, "input_mtok", query.tokens);
  const outputPrice = price && priceFor(price, "output_mtok", query.tokens);
  if (!calculation || !price || inputPrice === undefined || outputPrice === undefined) {
    const provider = query.provider ? ` of ${query.provider}` : "";
    return {
      found: false,
      warning: `no price is known for model "${query.model}"${provider}: charged at $0 and flagged unpriced; set prices."${query.model}" in the config`,
    };
  }
  return {
    found: true,
    source: "bundled",
    matched: `${calculation.provider.id}:${calculation.model.id}`,
    prices: {
      inputUsdPerMillion: inputPrice,
      cachedInputUsdPerMillion: priceFor(price, "cache_read_mtok", query.tokens) ?? inputPrice,
      outputUsdPerMillion: outputPrice,
      reasoningUsdPerMillion: priceFor(price, "output_reasoning_mtok", query.tokens) ?? outputPrice,
    },
  };
}

/** The exact cost of the tokens in micro-dollars, rounded half up. */
export function tokenCostMicroUsd(tokens: TokenCounts, prices: TokenPrices): number {
  return roundHalfUp(exactTokenCost(tokens, prices));
}

export function exactTokenCost(tokens: TokenCounts, prices: TokenPrices): ExactAmount {
  checkTokens(tokens);
  const term = (count: number, usdPerMillion: number, field: string) =>
    multiply(exactInteger(count), exactDecimal(usdPerMillion, field));
  return add(
    term(tokens.inputTokens - tokens.cachedInputTokens, prices.inputUsdPerMillion, "input price"),
    term(tokens.cachedInputTokens, prices.cachedInputUsdPerMillion, "cached input price"),
    term(tokens.outputTokens - tokens.reasoningTokens, prices.outputUsdPerMillion, "output price"),
    term(tokens.reasoningTokens, prices.reasoningUsdPerMillion, "reasoning price"),
  );
}

function pricesFromOverride(override: ModelPriceOverride): TokenPrices {
  return {
    inputUsdPerMillion: override.inputUsdPerMillion,
    cachedInputUsdPerMillion: override.cachedInputUsdPerMillion ?? override.inputUsdPerMillion,
    outputUsdPerMillion: override.outputUsdPerMillion,
    reasoningUsdPerMillion: override.reasoningUsdPerMillion ?? override.outputUsdPerMillion,
  };
}

function bundledCalculation(query: ModelPriceQuery) {
  const usage = {
    input_tokens: query.tokens.inputTokens,
    cache_read_tokens: query.tokens.cachedInputTokens,
    output_tokens: query.tokens.outputTokens,
    output_reasoning_tokens: query.tokens.reasoningTokens,
  };
  try {
    return calcPrice(usage, query.model, { providerId: query.provider, timestamp: query.at });
  } catch {
    // The price list could not price this usage (a model priced per request or per image): unpriced.
    return null;
  }
}

/**
 * One price of the model, in dollars per million tokens, at the tier the call's input size reaches:
 * the library's rule (a tier applies to the whole call once its input exceeds the tier's start).
 */
function priceFor(price: ModelPrice, key: string, tokens: TokenCounts): number | undefined {
  const value = price[key];
  if (value === undefined || typeof value === "number") return value;
  return tierPrice(value, tokens.inputTokens);
}

function tierPrice(tiered: TieredPrices, inputTokens: number): number {
  let chosen = tiered.base;
  for (const tier of [...tiered.tiers].sort((left, right) => left.start - right.start)) {
    if (inputTokens > tier.start) chosen = tier.price;
  }
  return chosen;
}

function checkTokens(tokens: TokenCounts): void {
  for (const [field, value] of Object.entries(tokens)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new InvalidArgumentError(
        `${field} must be a whole number, 0 or more; got ${value}`,
        field,
      );
    }
  }
  if (tokens.cachedInputTokens > tokens.inputTokens) {
    throw new InvalidArgumentError(
      `cachedInputTokens (${tokens.cachedInputTokens}) are part of inputTokens (${tokens.inputTokens}) and cannot exceed them`,
      "cachedInputTokens",
    );
  }
  if (tokens.reasoningTokens > tokens.outputTokens) {
    throw new InvalidArgumentError(
      `reasoningTokens (${tokens.reasoningTokens}) are part of outputTokens (${tokens.outputTokens}) and cannot exceed them`,
      "reasoningTokens",
    );
  }
}
