import { describe, expect, it } from "vitest";
import { runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import type { LineException } from "../../contracts/index.js";
import { exceptionsCommand } from "./exceptions.js";

const open: LineException = {
  id: "ex-7f3a",
  workItem: "todo-api-3f9c2a",
  reason: "budget-reached",
  summary: "the testing budget has $0.10 left",
  evidence: { category: "testing", leftMicroUsd: 100_000 },
  state: "open",
  openedAt: "2026-11-24T14:00:00.000Z",
};
const decided: LineException = { ...open, id: "ex-0001", state: "decided" };
const script = { exceptions: [open, decided] };

describe("shopfloor exceptions", () => {
  it("lists the open exceptions with their evidence and the command to decide each", async () => {
    const run = await runLineCommand(exceptionsCommand, ["exceptions"], { script });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("1 open exception, oldest first:");
    expect(run.stdout).toContain("ex-7f3a  todo-api-3f9c2a  budget-reached  open for 1h 00m");
    expect(run.stdout).toContain("  evidence: category: testing");
    expect(run.stdout).toContain('shopfloor decide ex-7f3a --raise-budget USD --reason "…"');
    expect(run.stdout).not.toContain("ex-0001");
  });

  it("adds the decided ones with --all, and prints JSON with --json", async () => {
    const all = await runLineCommand(exceptionsCommand, ["exceptions", "--all"], { script });
    expect(all.stdout).toContain("2 exceptions, oldest first:");
    expect(all.stdout).toContain("ex-0001  todo-api-3f9c2a  budget-reached  decided");
    const json = await runLineCommand(exceptionsCommand, ["exceptions", "--json"], { script });
    expect(JSON.parse(json.stdout)).toEqual([open]);
  });
});
