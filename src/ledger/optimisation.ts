/**
 * Cost optimisation hooks for the line, as pure functions: the cheapest model that still meets a
 * station's quality requirement, and the order in which to dispatch work so that a limited budget buys
 * the most value (highest value per dollar first).
 */
import { InvalidArgumentError } from "../contracts/errors.js";
import { roundHalfUp } from "./exact-amount.js";
import { exactTokenCost, type TokenCounts, type TokenPrices } from "./model-prices.js";

export interface CandidateModel {
  model: string;
  prices: TokenPrices;
  /** A capability or quality score on the station's own scale (an eval pass rate, a rating). */
  quality: number;
}

export interface StationRequirement {
  minimumQuality: number;
  /** The tokens a typical task of the station spends, to compare prices that differ by kind of token. */
  expectedTokens: TokenCounts;
}

export interface ModelChoice {
  model: string;
  quality: number;
  expectedCostMicroUsd: number;
}

/**
 * The candidate with the lowest expected cost among those at or above the minimum quality; on a tie in
 * cost, the better one, then the first by name. None when no candidate is good enough.
 */
export function cheapestCapableModel(
  candidates: readonly CandidateModel[],
  requirement: StationRequirement,
): ModelChoice | undefined {
  const capable = candidates
    .filter((candidate) => candidate.quality >= requirement.minimumQuality)
    .map((candidate) => {
      const cost = exactTokenCost(requirement.expectedTokens, candidate.prices);
      return { candidate, cost };
    })
    .sort(
      (left, right) =>
        compareExact(left.cost, right.cost) ||
        right.candidate.quality - left.candidate.quality ||
        left.candidate.model.localeCompare(right.candidate.model),
    );
  const best = capable[0];
  if (best === undefined) return undefined;
  return {
    model: best.candidate.model,
    quality: best.candidate.quality,
    expectedCostMicroUsd: roundHalfUp(best.cost),
  };
}

export interface WorkValue {
  id: string;
  /** What finishing the work is worth, on any scale shared by the items (dollars, priority points). */
  value: number;
  estimatedMicroUsd: number;
}

/**
 * Work in dispatch order: highest value per dollar first; free work with value comes first of all; on a
 * tie, the higher value, then the id. Items are not changed.
 */
export function dispatchOrder<Work extends WorkValue>(items: readonly Work[]): Work[] {
  for (const item of items) {
    if (!(item.value >= 0) || !(item.estimatedMicroUsd >= 0)) {
      throw new InvalidArgumentError(
        `work "${item.id}" needs a value and an estimated cost of 0 or more`,
        "value",
      );
    }
  }
  const valuePerDollar = (item: Work) =>
    item.estimatedMicroUsd === 0
      ? item.value > 0
        ? Number.POSITIVE_INFINITY
        : 0
      : item.value / item.estimatedMicroUsd;
  return [...items].sort(
    (left, right) =>
      compareDescending(valuePerDollar(left), valuePerDollar(right)) ||
      right.value - left.value ||
      left.id.localeCompare(right.id),
  );
}

function compareDescending(left: number, right: number): number {
  if (left === right) return 0;
  return left > right ? -1 : 1;
}

function compareExact(
  left: { numerator: bigint; denominator: bigint },
  right: { numerator: bigint; denominator: bigint },
): number {
  const difference = left.numerator * right.denominator - right.numerator * left.denominator;
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
