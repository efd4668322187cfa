import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runLedgerCommand } from "../../../test/ledger/support/run-ledger-command.js";
import { reportCommand } from "./report.js";

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-report-"));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const report = (argv: string[]) =>
  runLedgerCommand(reportCommand, ["report", "costs", ...argv, "--home", home], {
    now: "2026-11-24T09:00:00.000Z",
  });

describe("shopfloor report costs", () => {
  it("covers the last 30 budget days by category unless told otherwise", async () => {
    const run = await report(["--json"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).costs).toMatchObject({
      since: "2026-10-26",
      until: "2026-11-24",
      by: "category",
      rows: [],
    });
  });

  it("rejects bad dates, ranges, dimensions and formats with exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["--since", "24/11/2026"], /--since expects a date such as 2026-11-24/],
      [["--since", "2026-11-24", "--until", "2026-11-01"], /ends \(2026-11-01\) before it starts/],
      [["--until", "2026-02-30"], /not a date/],
      [["--by", "colour"], /expected one of day, category, station, agent, model/],
      [["--json", "--csv"], /cannot be used with/],
    ];
    for (const [argv, message] of cases) {
      const run = await report(argv);
      expect(run.exitCode, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(message);
    }
  });
});
