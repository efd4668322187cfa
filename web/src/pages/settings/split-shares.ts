/**
 * The budget split as people edit it: four percentages, kept as text while typed, added up in whole
 * hundredths of a percent so that 33.33 + 33.33 + 33.34 is exactly 100 (floats would not say so).
 */
import { type CostCategory, costCategories } from "../../../../src/contracts/cost-event.js";

export type SplitPercents = Record<CostCategory, string>;

/** Shares (0.3) → percent texts ("30"). */
export function percentsOfSplit(split: Record<CostCategory, number>): SplitPercents {
  const percents = {} as SplitPercents;
  for (const category of costCategories) {
    percents[category] = String(Math.round(split[category] * 1_000_000) / 10_000);
  }
  return percents;
}

/** A percent text in hundredths of a percent ("12.5" → 1250), or undefined when it is not 0–100. */
export function basisPointsOf(text: string): number | undefined {
  if (!/^\d+(\.\d{0,2})?$/.test(text.trim())) return undefined;
  const basisPoints = Math.round(Number(text.trim()) * 100);
  return basisPoints <= 10_000 ? basisPoints : undefined;
}

export interface SplitCheck {
  /** The sum in hundredths of a percent; undefined while a share is not a number. */
  sumBasisPoints: number | undefined;
  /** The shares as the API takes them, when they are valid and add up to 100%. */
  split: Record<CostCategory, number> | undefined;
  problem: string | undefined;
}

export function checkSplit(percents: SplitPercents): SplitCheck {
  let sumBasisPoints = 0;
  const split = {} as Record<CostCategory, number>;
  for (const category of costCategories) {
    const basisPoints = basisPointsOf(percents[category]);
    if (basisPoints === undefined) {
      return {
        sumBasisPoints: undefined,
        split: undefined,
        problem: `${category}'s share must be a percentage from 0 to 100, at most two decimals`,
      };
    }
    sumBasisPoints += basisPoints;
    split[category] = basisPoints / 10_000;
  }
  if (sumBasisPoints !== 10_000) {
    return {
      sumBasisPoints,
      split: undefined,
      problem: `the four shares add up to ${sumBasisPoints / 100}%, not 100%`,
    };
  }
  return { sumBasisPoints, split, problem: undefined };
}

/** Whether two splits give every category the same share. */
export function sameSplit(
  left: Record<CostCategory, number>,
  right: Record<CostCategory, number>,
): boolean {
  return costCategories.every(
    (category) => Math.round(left[category] * 10_000) === Math.round(right[category] * 10_000),
  );
}
