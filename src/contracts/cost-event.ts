/**
 * A cost event: one charge to the day's budget. Money is integer micro-dollars so that sums never drift;
 * an event whose model has no known price is kept, at zero, and flagged as unpriced. Also what a cost is
 * computed from: model prices that override the bundled ones, and the rates of machine time.
 */
import { z } from "zod";

export const costCategories = ["inference", "testing", "ci", "monitoring"] as const;
export const CostCategory = z.enum(costCategories);
export type CostCategory = z.infer<typeof CostCategory>;

const Count = z.int().nonnegative();

export const CostEvent = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  category: CostCategory,
  amountMicroUsd: z.int().nonnegative(),
  /** False when no price was known (an unknown model): the amount is zero and the report says so. */
  priced: z.boolean(),
  workItem: z.string().optional(),
  station: z.string().optional(),
  agent: z.string().optional(),
  model: z.string().optional(),
  /** The run (a test run, a build, a probe round) the charge belongs to, for per-run caps. */
  run: z.string().optional(),
  usage: z
    .object({
      inputTokens: Count.default(0),
      cachedInputTokens: Count.default(0),
      outputTokens: Count.default(0),
      reasoningTokens: Count.default(0),
      cpuSeconds: z.number().nonnegative().default(0),
      wallSeconds: z.number().nonnegative().default(0),
    })
    .default({
      inputTokens: 0,
      cachedInputTokens: 0,
      outputTokens: 0,
      reasoningTokens: 0,
      cpuSeconds: 0,
      wallSeconds: 0,
    }),
});
export type CostEvent = z.infer<typeof CostEvent>;

export const microUsdPerUsd = 1_000_000;

const UsdPerMillion = z.number().min(0);

/**
 * A model's price in dollars per million tokens, overriding the bundled price list (a local model costs
 * what its owner says, often 0). Cached input defaults to the input price, reasoning to the output price.
 */
export const ModelPriceOverride = z.strictObject({
  inputUsdPerMillion: UsdPerMillion,
  cachedInputUsdPerMillion: UsdPerMillion.optional(),
  outputUsdPerMillion: UsdPerMillion,
  reasoningUsdPerMillion: UsdPerMillion.optional(),
});
export type ModelPriceOverride = z.infer<typeof ModelPriceOverride>;

/** Price overrides by model name, exactly as the model is named in cost events. */
export const PricesConfig = z.record(z.string().min(1), ModelPriceOverride);
export type PricesConfig = z.infer<typeof PricesConfig>;

/** Machine time in dollars per hour: of CPU time, and of wall-clock time (a runner billed by the minute). */
export const MachineRate = z.strictObject({
  cpuHourUsd: z.number().min(0).default(0),
  wallHourUsd: z.number().min(0).default(0),
});
export type MachineRate = z.infer<typeof MachineRate>;

export const machineWorkKinds = ["trial", "build", "probe", "deploy"] as const;
export const MachineWork = z.enum(machineWorkKinds);
export type MachineWork = z.infer<typeof MachineWork>;

/** Rates by kind of machine work; a kind left out keeps the ledger's default rate. */
export const RatesConfig = z.partialRecord(MachineWork, MachineRate);
export type RatesConfig = z.infer<typeof RatesConfig>;
