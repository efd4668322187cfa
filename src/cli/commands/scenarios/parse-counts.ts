/** `--counts 100,50,30`: how many normal, edge and malicious scenarios to generate. */
import { InvalidArgumentError as InvalidOptionValue } from "commander";
import type { ScenarioCounts } from "../../../contracts/spec.js";

export function parseCounts(value: string): ScenarioCounts {
  const parts = value.split(",").map((part) => part.trim());
  const numbers = parts.map(Number);
  const valid =
    parts.length === 3 &&
    parts.every((part) => part !== "") &&
    numbers.every((number) => Number.isInteger(number) && number >= 0);
  if (!valid) {
    throw new InvalidOptionValue(
      "expected three whole numbers: normal,edge,malicious, such as 100,50,30",
    );
  }
  const [normal = 0, edge = 0, malicious = 0] = numbers;
  return { normal, edge, malicious };
}
