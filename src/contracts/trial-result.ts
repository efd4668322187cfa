/**
 * One trial: one execution of one scenario against one build. Runners write these as JSON Lines and the
 * gate reads them. Repeated executions of a scenario share its `scenario` id and differ in `attempt`.
 */
import { z } from "zod";
import { ScenarioCategory } from "./scenario-category.js";

export const TrialResult = z.object({
  scenario: z.string().min(1, "scenario id must not be empty"),
  category: ScenarioCategory,
  pass: z.boolean(),
  durationMs: z.number().finite().nonnegative(),
  error: z.string().optional(),
  attempt: z.int().positive().optional(),
});
export type TrialResult = z.infer<typeof TrialResult>;
