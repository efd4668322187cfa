/**
 * The factory's configuration file (`shopfloor.config.yaml` or `.json`): quality profiles of the user's
 * own, the default profile, and the daily budget. Everything has a default, so no file is needed.
 */
import { z } from "zod";
import { costCategories } from "./cost-event.js";
import { InvalidInputError, problemsFromZod } from "./invalid-input.js";
import {
  CategoryPolicyChange,
  GateMode,
  IntervalMethodName,
  Probability,
} from "./quality-profile.js";
import { ScenarioCategory } from "./scenario-category.js";
import { parseYamlDocument } from "./yaml-document.js";

/** A profile in the config: its own values, or a built-in one (`extends`) with some values changed. */
export const ProfileDefinition = z.strictObject({
  extends: z.string().min(1).optional(),
  description: z.string().optional(),
  confidence: Probability.optional(),
  method: IntervalMethodName.optional(),
  mode: GateMode.optional(),
  categories: z.partialRecord(ScenarioCategory, CategoryPolicyChange).optional(),
});
export type ProfileDefinition = z.infer<typeof ProfileDefinition>;

const defaultSplit = { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 };

export const BudgetConfig = z.strictObject({
  dailyUsd: z.number().positive().default(1000),
  split: z
    .strictObject({
      inference: z.number().min(0).max(1),
      testing: z.number().min(0).max(1),
      ci: z.number().min(0).max(1),
      monitoring: z.number().min(0).max(1),
    })
    .default(defaultSplit)
    .refine(
      (split) =>
        Math.abs(costCategories.reduce((sum, category) => sum + split[category], 0) - 1) < 1e-9,
      "the shares of inference, testing, ci and monitoring must add up to 1",
    ),
  /** IANA time zone in which the budget day starts at midnight. */
  timeZone: z.string().default("UTC"),
});

export const Config = z.strictObject({
  defaultProfile: z.string().min(1).default("admin"),
  profiles: z.record(z.string().min(1), ProfileDefinition).default({}),
  budget: BudgetConfig.default({ dailyUsd: 1000, split: defaultSplit, timeZone: "UTC" }),
});
export type Config = z.infer<typeof Config>;

export const defaultConfig: Config = Config.parse({});

/** Parses a config file's text (YAML, of which JSON is a subset); problems name the line and field. */
export function parseConfig(text: string, source: string): Config {
  const document = parseYamlDocument(text);
  if (!document.ok) {
    throw new InvalidInputError(source, [
      { line: document.line, field: "(syntax)", message: document.message },
    ]);
  }
  const parsed = Config.safeParse(document.value ?? {});
  if (parsed.success) return parsed.data;
  throw new InvalidInputError(source, problemsFromZod(parsed.error, document.lineOf));
}
