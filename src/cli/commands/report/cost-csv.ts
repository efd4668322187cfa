/** `shopfloor report costs --csv`: one row per group and a total row, amounts exact (dollars with six decimals and micro-dollars). */
import type { CostReport, CostRow } from "../../../ledger/cost-report.js";
import { usdText } from "../../../ledger/money.js";

export function costCsv(report: CostReport): string {
  const header = [
    report.by,
    "events",
    "unpriced_events",
    "input_tokens",
    "output_tokens",
    "cost_usd",
    "cost_micro_usd",
  ];
  const line = (row: CostRow) => [
    row.key,
    String(row.events),
    String(row.unpricedEvents),
    String(row.inputTokens),
    String(row.outputTokens),
    usdText(row.amountMicroUsd),
    String(row.amountMicroUsd),
  ];
  const lines = [header, ...report.rows.map(line), line(report.total)];
  return `${lines.map((cells) => cells.map(csvCell).join(",")).join("\n")}\n`;
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
