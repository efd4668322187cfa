/**
 * The planner applied to a profile, before any money is spent: can a suite of the given size ever approve
 * a build under this profile, how many failures can it absorb, and how many scenarios must it add if not.
 */
import {
  type QualityProfile,
  type ScenarioCategory,
  scenarioCategories,
} from "../contracts/index.js";
import { bestLowerBound, failuresTolerated, trialsToDemonstrate } from "../stats/index.js";

export type SuiteSizes = Readonly<Record<ScenarioCategory, number>>;

export interface CategoryPlan {
  category: ScenarioCategory;
  scenarios: number;
  threshold: number;
  confidence: number;
  /** The best lower bound the category can reach: every scenario passes. */
  bestLowerBound: number;
  canApprove: boolean;
  /** The most failed scenarios with which the suite still approves; -1 when even a flawless run cannot. */
  failuresTolerated: number;
  /** The fewest scenarios that can approve with no failure. */
  scenariosNeeded: number;
  scenariosToAdd: number;
}

export interface SuitePlan {
  profile: string;
  categories: CategoryPlan[];
  canApprove: boolean;
  scenariosToAdd: number;
}

export function planSuite(profile: QualityProfile, sizes: SuiteSizes): SuitePlan {
  const categories: CategoryPlan[] = [];
  for (const category of scenarioCategories) {
    const policy = profile.categories[category];
    if (!policy) continue;
    const confidence = policy.confidence ?? profile.confidence;
    const scenarios = sizes[category];
    const scenariosNeeded = trialsToDemonstrate({ passRate: policy.threshold, confidence });
    const tolerated =
      scenarios === 0 ? -1 : failuresTolerated(scenarios, policy.threshold, confidence);
    categories.push({
      category,
      scenarios,
      threshold: policy.threshold,
      confidence,
      bestLowerBound: scenarios === 0 ? 0 : bestLowerBound(scenarios, confidence),
      canApprove: tolerated >= 0,
      failuresTolerated: policy.zeroTolerance ? Math.min(tolerated, 0) : tolerated,
      scenariosNeeded,
      scenariosToAdd: Math.max(scenariosNeeded - scenarios, 0),
    });
  }
  return {
    profile: profile.name,
    categories,
    canApprove: categories.every((plan) => plan.canApprove),
    scenariosToAdd: categories.reduce((sum, plan) => sum + plan.scenariosToAdd, 0),
  };
}
