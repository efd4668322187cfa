/**
 * A cost event: one charge to the day's budget. Money is integer micro-dollars so that sums never drift;
 * an event whose model has no known price is kept, at zero, and flagged as unpriced.
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
