/**
 * `shopfloor report costs` on a realistic week: by every dimension and in every format, each column of
 * the rows adds up to the total line, and the total is what the database holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportCommand } from "../../src/cli/commands/report.js";
import { costDimensions } from "../../src/ledger/cost-report.js";
import type { LedgerReport } from "../../src/ledger/ledger-report.js";
import { runInMemory } from "../support/memory-io.js";
import { type TemporaryLedger, temporaryLedger } from "./support/ledger-database.js";
import { realisticWeek, recordRealisticWeek } from "./support/realistic-ledger.js";
import { runLedgerCommand } from "./support/run-ledger-command.js";

let subject: TemporaryLedger;
let databaseTotal: number;
beforeAll(async () => {
  subject = await temporaryLedger();
  await recordRealisticWeek(subject);
  const rows = await subject.database.selectFrom("cost_event").select("amount_micro_usd").execute();
  databaseTotal = rows.reduce((sum, row) => sum + row.amount_micro_usd, 0);
}, 60_000);
afterAll(async () => {
  await subject.close();
});

function report(by: string, format: string[] = []) {
  return runLedgerCommand(
    reportCommand,
    [
      "report",
      "costs",
      "--home",
      subject.folder,
      "--since",
      realisticWeek.since,
      "--until",
      realisticWeek.until,
      "--by",
      by,
      ...format,
    ],
    { now: realisticWeek.now },
  );
}

/** The table's rows and total line, each cell a number: "$1,234.56" → 123456 cents, "12.5%" → 125. */
function tableFigures(text: string): { rows: number[][]; total: number[] } {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^\S+\s+events\s+unpriced/.test(line));
  const end = lines.findIndex((line, index) => index > start && /^total\s/.test(line));
  const figures = (line: string) =>
    line
      .trim()
      .split(/\s{2,}/)
      .slice(1)
      .map((cell) => Number(cell.replace(/[$,%.]/g, "")));
  return { rows: lines.slice(start + 1, end).map(figures), total: figures(lines[end] ?? "") };
}

function columnSums(rows: number[][]): number[] {
  return rows.reduce<number[]>(
    (sums, row) => row.map((value, column) => (sums[column] ?? 0) + value),
    [],
  );
}

describe("shopfloor report costs on a realistic week", () => {
  it.each(costDimensions)(
    "prints a table by %s whose columns add up to the total line",
    async (by) => {
      const run = await report(by);
      expect(run.exitCode).toBe(0);
      const { rows, total } = tableFigures(run.stdout);
      expect(rows.length).toBeGreaterThan(1);
      expect(columnSums(rows)).toEqual(total);
      expect(total.at(-1)).toBe(1000); // 100.0%
      expect(total.at(-2)).toBe(Math.floor((databaseTotal + 5_000) / 10_000)); // the total in cents
    },
  );

  it.each(costDimensions)(
    "gives JSON by %s whose rows add up to the total, exactly",
    async (by) => {
      const run = await report(by, ["--json"]);
      const parsed = JSON.parse(run.stdout) as LedgerReport;
      const fields = [
        "events",
        "unpricedEvents",
        "inputTokens",
        "outputTokens",
        "amountMicroUsd",
      ] as const;
      for (const field of fields) {
        expect(
          parsed.costs.rows.reduce((sum, row) => sum + row[field], 0),
          field,
        ).toBe(parsed.costs.total[field]);
      }
      expect(parsed.costs.total.amountMicroUsd).toBe(databaseTotal);
      expect(parsed.economics.spentMicroUsd).toBe(databaseTotal);
    },
  );

  it.each(costDimensions)(
    "gives CSV by %s whose columns add up to the total row, exactly",
    async (by) => {
      const run = await report(by, ["--csv"]);
      const [header, ...lines] = run.stdout.trimEnd().split("\n");
      expect(header).toBe(
        `${by},events,unpriced_events,input_tokens,output_tokens,cost_usd,cost_micro_usd`,
      );
      const cells = lines.map((line) => line.split(","));
      const totalLine = cells.at(-1) ?? [];
      expect(totalLine[0]).toBe("total");
      const numbers = (row: string[]) => row.slice(1).map((cell) => Number(cell.replace(".", "")));
      expect(columnSums(cells.slice(0, -1).map(numbers))).toEqual(numbers(totalLine));
      expect(Number(totalLine[6])).toBe(databaseTotal);
    },
  );

  it("reads as a report a manager can use", async () => {
    const run = await report("category");
    expect(run.stdout).toMatch(
      /^Costs by category, 2026-11-18 to 2026-11-24 \(budget days in UTC, starting 00:00\)$/m,
    );
    expect(run.stdout).toMatch(/^\d+ events had no known price and count \$0/m);
    expect(run.stdout).toMatch(
      /^ {2}cost per approved change {2}\$[\d,.]+: all spend in the period divided/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}a human team {14}\$400\.00 per change: a developer-day at \$800\.00 yields 2 changes/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}sequential testing {8}[\d,]+ trials run instead of [\d,]+ under fixed-size plans/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}forecast for today {8}\$[\d,.]+ spent in 62\.5% of 2026-11-24: about \$[\d,.]+ by its end/m,
    );
  });
});

describe("shopfloor report and budget through the shopfloor command", () => {
  it("are registered, take --home, and create the database on first use", async () => {
    const home = `${subject.folder}/fresh-home`;
    const empty = await runInMemory([
      "report",
      "costs",
      "--home",
      home,
      "--since",
      "2026-11-01",
      "--until",
      "2026-11-02",
    ]);
    expect(empty.exitCode).toBe(0);
    expect(empty.stdout).toContain("No cost recorded in this period.");
    expect(empty.stdout).toContain("sequential testing        no data");
    const set = await runInMemory(
      ["budget", "set", "--home", home, "--daily-usd", "500", "--reason", "quarter end"],
      {},
      "",
      "/project",
      { USER: "alice" },
    );
    expect(set.exitCode, set.stderr).toBe(0);
    const status = await runInMemory(["budget", "--home", home, "--json"]);
    expect(JSON.parse(status.stdout).policy).toMatchObject({
      dailyMicroUsd: 500_000_000,
      sources: { dailyUsd: { from: "database", by: "alice", reason: "quarter end" } },
    });
  });
});
