/** Number formats shared by the terminal reports. */

import { percent } from "../gate/percent.js";

export function optionalPercent(value: number | null): string {
  return value === null ? "–" : percent(value);
}

export function milliseconds(value: number | null): string {
  if (value === null) return "–";
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function count(value: number): string {
  return value.toLocaleString("en-US");
}

export function plural(amount: number, noun: string): string {
  return `${count(amount)} ${noun}${amount === 1 ? "" : "s"}`;
}
