/**
 * Sharing a number of scenarios among the categories in proportion to the counts asked for (largest
 * remainders first), so that the scenarios a model adds keep the suite's mix.
 */
import { type ScenarioCategory, scenarioCategories } from "../contracts/scenario-category.js";

export function splitCount(
  total: number,
  weights: Readonly<Record<ScenarioCategory, number>>,
): Record<ScenarioCategory, number> {
  const weightSum = scenarioCategories.reduce((sum, category) => sum + weights[category], 0);
  const shares = scenarioCategories.map((category) => {
    const exact = weightSum === 0 ? 0 : (total * weights[category]) / weightSum;
    return { category, whole: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = weightSum === 0 ? 0 : total - shares.reduce((sum, share) => sum + share.whole, 0);
  for (const share of [...shares].sort((first, second) => second.remainder - first.remainder)) {
    if (left === 0) break;
    share.whole += 1;
    left -= 1;
  }
  return Object.fromEntries(shares.map((share) => [share.category, share.whole])) as Record<
    ScenarioCategory,
    number
  >;
}
