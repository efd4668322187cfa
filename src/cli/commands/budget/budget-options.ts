/** Parsers for `shopfloor budget set`: dollars, caps ("none" removes one), a split in percent, a time of day. */
import { InvalidArgumentError as InvalidOptionValue } from "commander";
import { costCategories } from "../../../contracts/cost-event.js";
import type { BudgetSplit } from "../../../ledger/budget-policy.js";

export function parseUsd(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number <= 0) {
    throw new InvalidOptionValue("expected an amount of dollars above 0, such as 500 or 12.5");
  }
  return number;
}

/** A cap in dollars, or "none" (stored as 0) to remove it. */
export function parseCapUsd(value: string): number {
  if (value.trim().toLowerCase() === "none") return 0;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number <= 0) {
    throw new InvalidOptionValue(
      'expected an amount of dollars above 0, or "none" to remove the cap',
    );
  }
  return number;
}

/** "30,40,15,15": percent of the day for inference, testing, ci and monitoring, adding up to 100. */
export function parseSplit(value: string): BudgetSplit {
  const parts = value.split(",").map((part) => part.trim());
  const numbers = parts.map(Number);
  if (
    parts.length !== costCategories.length ||
    parts.some((part) => part === "") ||
    numbers.some((number) => !Number.isFinite(number) || number < 0)
  ) {
    throw new InvalidOptionValue(
      `expected four percentages for ${costCategories.join(", ")}, such as 30,40,15,15`,
    );
  }
  const sum = numbers.reduce((total, number) => total + number, 0);
  if (Math.abs(sum - 100) > 1e-9) {
    throw new InvalidOptionValue(`the four percentages must add up to 100; they add up to ${sum}`);
  }
  const split = {} as BudgetSplit;
  for (const [index, category] of costCategories.entries())
    split[category] = (numbers[index] ?? 0) / 100;
  return split;
}

export function parseDayStart(value: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    throw new InvalidOptionValue("expected a time of day as HH:MM, such as 06:00");
  }
  return value;
}

/** 0.3 → "30", 0.125 → "12.5": a share as the percent a user types. */
export function splitText(split: BudgetSplit): string {
  return costCategories
    .map((category) => String(Math.round(split[category] * 1e6) / 1e4))
    .join("/");
}
