import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runLedgerCommand } from "../../../test/ledger/support/run-ledger-command.js";
import { budgetCommand } from "./budget.js";

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-budget-"));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const now = "2026-11-24T09:00:00.000Z";
const budget = (
  argv: string[],
  environment: Record<string, string> = { USER: "alice" },
  files?: Record<string, string>,
) =>
  runLedgerCommand(budgetCommand, ["budget", ...argv, "--home", home], { now, environment, files });

describe("shopfloor budget", () => {
  it("shows today's budget from the config file, and says where each value comes from", async () => {
    const run = await budget(
      ["--config", "shop.yaml"],
      {},
      { "shop.yaml": "budget:\n  dailyUsd: 200\n  timeZone: Europe/Paris\n" },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "Budget for 2026-11-24 (Europe/Paris, the day starts at 00:00; 41.7% of it has gone by)",
    );
    expect(run.stdout).toMatch(/^testing\s+40%\s+\$80\.00\s+\$0\.00\s+\$0\.00\s+\$80\.00\s+0%$/m);
    expect(run.stdout).toMatch(/^ {2}daily budget\s+\$200\.00\s+config file$/m);
    expect(run.stdout).toMatch(/^ {2}split \(%\)\s+30\/40\/15\/15\s+default$/m);
  });

  it("records a change with who and why, which then takes precedence over the config file", async () => {
    const set = await budget([
      "set",
      "--daily-usd",
      "500",
      "--split",
      "20,50,15,15",
      "--time-zone",
      "Europe/Paris",
      "--day-starts",
      "06:00",
      "--item-cap-usd",
      "20",
      "--run-cap-usd",
      "5",
      "--reason",
      "quarter end",
    ]);
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stdout).toContain('Budget changed by alice: "quarter end". The budget now:');
    const status = await budget(["--json"], {}, { "shop.yaml": "budget:\n  dailyUsd: 200\n" });
    const parsed = JSON.parse(status.stdout);
    expect(parsed.day).toEqual({
      key: "2026-11-24",
      start: "2026-11-24T05:00:00.000Z",
      end: "2026-11-25T05:00:00.000Z",
    });
    expect(parsed.policy).toMatchObject({
      dailyMicroUsd: 500_000_000,
      itemCapMicroUsd: 20_000_000,
      runCapMicroUsd: 5_000_000,
      split: { testing: 0.5 },
    });
    expect(parsed.policy.sources.dayStart).toEqual({
      from: "database",
      by: "alice",
      at: now,
      reason: "quarter end",
    });
    const text = await budget([]);
    expect(text.stdout).toContain("Caps: per work item $20.00, per run $5.00.");
    expect(text.stdout).toMatch(
      /^ {2}time zone\s+Europe\/Paris\s+set by alice at 2026-11-24T09:00:00.000Z: "quarter end"$/m,
    );
    const removed = await budget([
      "set",
      "--item-cap-usd",
      "none",
      "--reason",
      "no more cap",
      "--by",
      "bob",
    ]);
    expect(removed.stdout).toMatch(/^ {2}work item cap\s+none\s+set by bob/m);
  });

  it("refuses a change without a reason, a name, a value, or with a value that cannot be", async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["set", "--daily-usd", "500"], { USER: "alice" }, /needs --reason/],
      [["set", "--daily-usd", "500", "--reason", "why"], {}, /needs --by NAME/],
      [["set", "--reason", "why"], { USER: "alice" }, /at least one value/],
      [["set", "--split", "30,40,15", "--reason", "why"], { USER: "alice" }, /four percentages/],
      [
        ["set", "--time-zone", "Europe/Pariss", "--reason", "why"],
        { USER: "alice" },
        /not an IANA time zone/,
      ],
      [["set", "--daily-usd", "-5", "--reason", "why"], { USER: "alice" }, /above 0/],
    ];
    for (const [argv, environment, message] of cases) {
      const run = await budget(argv, environment);
      expect(run.exitCode, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(message);
    }
  });
});
