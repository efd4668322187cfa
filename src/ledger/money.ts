/**
 * Dollars and micro-dollars: conversions at the edges (config values, command-line options, reports).
 * Inside the ledger every amount is an integer number of micro-dollars.
 */
import { microUsdPerUsd } from "../contracts/cost-event.js";
import { exactDecimal, exactInteger, multiply, roundHalfUp } from "./exact-amount.js";

/** $12.345 → 12_345_000 µ$, exactly as written, a half micro-dollar rounding up. */
export function microUsdFromUsd(usd: number, field = "usd"): number {
  return roundHalfUp(multiply(exactDecimal(usd, field), exactInteger(microUsdPerUsd)));
}

/** 12_345_678 µ$ → "12.345678": exact, for JSON and CSV. */
export function usdText(microUsd: number): string {
  const sign = microUsd < 0 ? "-" : "";
  const magnitude = Math.abs(microUsd);
  const whole = Math.floor(magnitude / microUsdPerUsd);
  const fraction = String(magnitude % microUsdPerUsd).padStart(6, "0");
  return `${sign}${whole}.${fraction}`;
}

/** 12_345_678 µ$ → "$12.35": rounded half up to the cent, with thousands separators, for people. */
export function formatUsd(microUsd: number): string {
  const cents = Math.floor((Math.abs(microUsd) + 5_000) / 10_000);
  return formatCents(microUsd < 0 ? -cents : cents);
}

/** 123_456 cents → "$1,234.56". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  const dollars = Math.floor(magnitude / 100).toLocaleString("en-US");
  return `${sign}$${dollars}.${String(magnitude % 100).padStart(2, "0")}`;
}

/** 4_000 µ$ → "$0.004", 12_500_000 µ$ → "$12.50": exact, at least to the cent, for messages. */
export function formatUsdExact(microUsd: number): string {
  const [whole = "0", fraction = ""] = usdText(Math.abs(microUsd)).split(".");
  const shown = fraction.replace(/0+$/, "").padEnd(2, "0");
  return `${microUsd < 0 ? "-" : ""}$${Number(whole).toLocaleString("en-US")}.${shown}`;
}
