/**
 * Turning a charge (a model call's tokens, a trial's machine time, or an amount already known) into a
 * cost event: its category, amount in micro-dollars and labels. A model with no known price gives a
 * warning and an event at zero flagged `priced: false`, never an error.
 */
import type {
  CostCategory,
  CostEvent,
  MachineWork,
  PricesConfig,
  RatesConfig,
} from "../contracts/cost-event.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { categoryOfMachineWork, machineCostMicroUsd, machineRate } from "./machine-rates.js";
import { lookUpModelPrices, type TokenCounts, tokenCostMicroUsd } from "./model-prices.js";

/** Who and what a charge is for: the dimensions of the reports and of the per-item and per-run caps. */
export interface ChargeLabels {
  workItem?: string;
  station?: string;
  agent?: string;
  run?: string;
}

/** Tokens of an LLM call or of an agent's session; inference unless said otherwise (a judge is testing). */
export interface ModelCharge extends ChargeLabels {
  kind: "model";
  model: string;
  provider?: string;
  category?: CostCategory;
  tokens: Partial<TokenCounts>;
}

/** CPU and wall time of a trial, a build or a probe. */
export interface MachineCharge extends ChargeLabels {
  kind: "machine";
  work: MachineWork;
  cpuSeconds: number;
  wallSeconds: number;
  category?: CostCategory;
}

/** An amount already known, such as a hosted service's bill. */
export interface AmountCharge extends ChargeLabels {
  kind: "amount";
  category: CostCategory;
  amountMicroUsd: number;
  model?: string;
}

export type CostCharge = ModelCharge | MachineCharge | AmountCharge;

export interface PricingContext {
  id: string;
  at: Date;
  prices?: PricesConfig;
  rates?: RatesConfig;
}

export interface PricedCharge {
  event: CostEvent;
  warnings: string[];
}

const noUsage = {
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  cpuSeconds: 0,
  wallSeconds: 0,
};

export function priceCharge(charge: CostCharge, context: PricingContext): PricedCharge {
  const base = {
    id: context.id,
    at: context.at.toISOString(),
    ...labelsOf(charge),
  };
  switch (charge.kind) {
    case "model":
      return priceModelCharge(charge, context, base);
    case "machine": {
      const time = { cpuSeconds: charge.cpuSeconds, wallSeconds: charge.wallSeconds };
      const amount = machineCostMicroUsd(time, machineRate(charge.work, context.rates));
      const category = charge.category ?? categoryOfMachineWork[charge.work];
      const usage = { ...noUsage, ...time };
      return {
        event: { ...base, category, amountMicroUsd: amount, priced: true, usage },
        warnings: [],
      };
    }
    case "amount": {
      if (!Number.isSafeInteger(charge.amountMicroUsd) || charge.amountMicroUsd < 0) {
        throw new InvalidArgumentError(
          `amountMicroUsd must be a whole number of micro-dollars, 0 or more; got ${charge.amountMicroUsd}`,
          "amountMicroUsd",
        );
      }
      const event = {
        ...base,
        category: charge.category,
        amountMicroUsd: charge.amountMicroUsd,
        priced: true,
        model: charge.model,
        usage: noUsage,
      };
      return { event: withoutUndefined(event), warnings: [] };
    }
  }
}

function priceModelCharge(
  charge: ModelCharge,
  context: PricingContext,
  base: Pick<CostEvent, "id" | "at" | "workItem" | "station" | "agent" | "run">,
): PricedCharge {
  const tokens: TokenCounts = {
    inputTokens: charge.tokens.inputTokens ?? 0,
    cachedInputTokens: charge.tokens.cachedInputTokens ?? 0,
    outputTokens: charge.tokens.outputTokens ?? 0,
    reasoningTokens: charge.tokens.reasoningTokens ?? 0,
  };
  const lookup = lookUpModelPrices({
    model: charge.model,
    provider: charge.provider,
    at: context.at,
    tokens,
    overrides: context.prices,
  });
  const amount = lookup.found ? tokenCostMicroUsd(tokens, lookup.prices) : 0;
  const event: CostEvent = {
    ...base,
    category: charge.category ?? "inference",
    amountMicroUsd: amount,
    priced: lookup.found,
    model: charge.model,
    usage: { ...noUsage, ...tokens },
  };
  return { event, warnings: lookup.found ? [] : [lookup.warning] };
}

function labelsOf(charge: ChargeLabels): ChargeLabels {
  return withoutUndefined({
    workItem: charge.workItem,
    station: charge.station,
    agent: charge.agent,
    run: charge.run,
  });
}

function withoutUndefined<Value extends object>(value: Value): Value {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Value;
}
