/** Parsers for numeric command-line options; a bad value is a usage error that names the option. */
import { InvalidArgumentError as InvalidOptionValue } from "commander";

export function parseProbability(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number <= 0 || number >= 1) {
    throw new InvalidOptionValue("expected a number strictly between 0 and 1, such as 0.95");
  }
  return number;
}

export function parseCount(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isInteger(number) || number < 0) {
    throw new InvalidOptionValue("expected a whole number, 0 or more");
  }
  return number;
}

export function parsePositiveCount(value: string): number {
  const number = parseCount(value);
  if (number === 0) throw new InvalidOptionValue("expected a whole number, 1 or more");
  return number;
}

export function parseChoice<Choice extends string>(choices: readonly Choice[]) {
  return (value: string): Choice => {
    const choice = choices.find((candidate) => candidate === value);
    if (choice === undefined) throw new InvalidOptionValue(`expected one of ${choices.join(", ")}`);
    return choice;
  };
}
