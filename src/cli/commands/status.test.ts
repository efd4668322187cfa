import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { sampleLineStatus } from "../../../test/support/line-cli/line-fixtures.js";
import { statusCommand } from "./status.js";

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-status-"));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

describe("shopfloor status", () => {
  it("shows the line at a glance with today's budget from the home's ledger", async () => {
    const run = await runLineCommand(statusCommand, ["status", "--home", home], {
      script: { status: sampleLineStatus() },
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("The line: 2 items in flight, 3 approved");
    expect(run.stdout).toContain("Spend today (2026-11-24, UTC):");
    expect(run.stdout).toMatch(/^testing\s+\$0\.00\s+\$0\.00\s+\$400\.00\s+\$400\.00\s+0%$/m);
    expect(run.lines[0]?.home).toBe(home);
    expect(run.lines[0]?.closed).toBe(true);
  });

  it("prints one JSON object with --json, and reads the config given", async () => {
    const run = await runLineCommand(
      statusCommand,
      ["status", "--home", home, "--json", "--config", "/project/shop.yaml"],
      {
        script: { status: sampleLineStatus() },
        files: { "/project/shop.yaml": "budget:\n  dailyUsd: 200\n" },
      },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.openExceptions).toBe(1);
    expect(parsed.budget.total.limitMicroUsd).toBe(200_000_000);
    expect(run.lines[0]?.options.config.budget.dailyUsd).toBe(200);
    expect(run.lines[0]?.options.projectFolder).toBe("/project");
  });
});
