/** Small text formats shared by the line's terminal reports: ages, evidence, build costs. */
import type { AgentRun } from "../contracts/index.js";
import { formatUsd } from "../ledger/money.js";

/** 42 → "42s", 310 → "5m 10s", 11_100 → "3h 05m", 190_000 → "2d 04h". */
export function ageText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m ${String(whole % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, "0")}h`;
}

export function secondsBetween(from: string, to: Date): number {
  return (to.getTime() - new Date(from).getTime()) / 1000;
}

/** What an agent run cost: as the agent reported it, else as computed from its tokens. */
export function runCostText(run: AgentRun): string {
  const cost = run.reportedCostMicroUsd ?? run.computedCostMicroUsd;
  return cost === undefined ? "unpriced" : formatUsd(cost);
}

/** Evidence values as short text: scalars as they are, lists by size, objects as compact JSON. */
export function evidenceText(value: unknown, width = 90): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return truncate(value, width);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry !== "object")) {
    return truncate(value.join(", "), width);
  }
  if (Array.isArray(value)) {
    const first = value.length === 1 ? "" : ` entries, the first: `;
    return truncate(
      `${value.length === 1 ? "" : value.length}${first}${JSON.stringify(value[0])}`,
      width,
    );
  }
  return truncate(JSON.stringify(value), width);
}

export function truncate(text: string, width: number): string {
  const single = text.replace(/\s+/g, " ").trim();
  return single.length <= width ? single : `${single.slice(0, width - 1)}…`;
}
