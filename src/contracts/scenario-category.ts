/** The three kinds of scenario a suite holds; every report and threshold is kept per category. */
import { z } from "zod";

export const scenarioCategories = ["normal", "edge", "malicious"] as const;

export const ScenarioCategory = z.enum(scenarioCategories);
export type ScenarioCategory = z.infer<typeof ScenarioCategory>;
